import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCustomerMembershipListResponse } from "../../../../../types/http/memberships"
import { selectFields } from "../../../../utils/fields"
import { forStoreCustomer, listCustomerMemberships } from "../../../../utils/memberships"
import type { StoreGetMembershipsParamsType } from "./validators"

/**
 * The logged-in customer's memberships, held and shared with them, a page at a time. Other people
 * in them (holder, co-members) show as `{ id, name }` ("Jane D."), never with their e-mail.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetMembershipsParamsType>,
  res: MedusaResponse<StoreCustomerMembershipListResponse>
) => {
  const { status, limit, offset } = req.validatedQuery
  const customerId = req.auth_context.actor_id
  const all = await listCustomerMemberships(req.scope, customerId, status)
  const memberships = all
    .slice(offset, offset + limit)
    .map((m) => ({ id: m.id, ...selectFields(forStoreCustomer(m, customerId), req.queryConfig.fields) }))
  res.json({ memberships, count: all.length, offset, limit })
}
