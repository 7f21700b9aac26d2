import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getCustomerMembership, membershipHistory } from "../../../../../utils/memberships"

/** One membership of the customer with its history, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const membership = await getCustomerMembership(req.scope, req.params.id, req.params.membership_id)
  res.json({ membership, history: await membershipHistory(req.scope, membership.id as string) })
}
