import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipCardResponse } from "../../../../../../../types/http/memberships"
import { membershipCard } from "../../../../../../utils/membership-cards"
import type { AdminGetCustomerMembershipParamsType } from "../../validators"

/** The customer's own card of the membership (as holder or co-member), with its signed QR code. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerMembershipParamsType>,
  res: MedusaResponse<MembershipCardResponse>
) => {
  res.json({ card: await membershipCard(req.scope, req.params.membership_id, req.params.id) })
}
