import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipStatus } from "../../../../../modules/membership"
import { listCustomerMemberships, type MembershipStatusParamsType } from "../../../../utils/memberships"

/** The logged-in customer's memberships, held and shared with them. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = req.validatedQuery as MembershipStatusParamsType
  const memberships = await listCustomerMemberships(req.scope, req.auth_context.actor_id, status?.split(",") as MembershipStatus[] | undefined)
  res.json({ memberships, count: memberships.length })
}
