import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipStatus } from "../../../../../modules/membership"
import { forStoreCustomer, listCustomerMemberships, type MembershipStatusParamsType } from "../../../../utils/memberships"

/**
 * The logged-in customer's memberships, held and shared with them. Other people in them (holder,
 * co-members) show as `{ id, name }` ("Jane D."), never with their e-mail.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = req.validatedQuery as MembershipStatusParamsType
  const customerId = req.auth_context.actor_id
  const memberships = (
    await listCustomerMemberships(req.scope, customerId, status?.split(",") as MembershipStatus[] | undefined)
  ).map((m) => forStoreCustomer(m, customerId))
  res.json({ memberships, count: memberships.length })
}
