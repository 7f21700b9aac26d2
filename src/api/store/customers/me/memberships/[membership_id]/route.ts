import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCustomerMembershipResponse } from "../../../../../../types/http/memberships"
import { selectFields } from "../../../../../utils/fields"
import { forStoreCustomer, getCustomerMembership } from "../../../../../utils/memberships"
import type { StoreGetMembershipParamsType } from "../validators"

/** One of the logged-in customer's memberships (held or shared); anyone else's is not found. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetMembershipParamsType>,
  res: MedusaResponse<StoreCustomerMembershipResponse>
) => {
  const customerId = req.auth_context.actor_id
  const membership = await getCustomerMembership(req.scope, customerId, req.params.membership_id)
  res.json({
    membership: { id: membership.id, ...selectFields(forStoreCustomer(membership, customerId), req.queryConfig.fields) },
  })
}
