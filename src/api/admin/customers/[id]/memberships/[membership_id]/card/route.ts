import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getCustomerMembership, membershipCard } from "../../../../../../utils/memberships"

/** The web membership card with its signed QR code. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const membership = await getCustomerMembership(req.scope, req.params.id, req.params.membership_id)
  res.json({ card: await membershipCard(req.scope, membership as any) })
}
