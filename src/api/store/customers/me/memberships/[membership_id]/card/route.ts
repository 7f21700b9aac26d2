import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getCustomerMembership, membershipCard } from "../../../../../../utils/memberships"

/** The card of one of the customer's own memberships; anyone else's is not found. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const membership = await getCustomerMembership(req.scope, req.auth_context.actor_id, req.params.membership_id)
  res.json({ card: await membershipCard(req.scope, membership as any) })
}
