import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipDetailResponse } from "../../../../../../types/http/memberships"
import { getCustomerMembership, membershipHistory } from "../../../../../utils/memberships"
import type { AdminGetCustomerMembershipParamsType } from "../validators"

/** One membership of the customer with its history, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerMembershipParamsType>,
  res: MedusaResponse<CustomerMembershipDetailResponse>
) => {
  const membership = await getCustomerMembership(req.scope, req.params.id, req.params.membership_id)
  res.json({ membership, history: await membershipHistory(req.scope, membership.id) })
}
