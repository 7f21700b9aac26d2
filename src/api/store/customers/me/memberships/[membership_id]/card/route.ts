import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreMembershipCardResponse } from "../../../../../../../types/http/memberships"
import { membershipCard } from "../../../../../../utils/membership-cards"
import type { StoreGetMembershipCardParamsType } from "../../validators"

/** The customer's own card of one of their memberships; anyone else's is not found. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetMembershipCardParamsType>,
  res: MedusaResponse<StoreMembershipCardResponse>
) => {
  res.json({ card: await membershipCard(req.scope, req.params.membership_id, req.auth_context.actor_id) })
}
