import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { membershipCard } from "../../../../../../utils/membership-cards"

/** The customer's own card of one of their memberships; anyone else's is not found. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ card: await membershipCard(req.scope, req.params.membership_id, req.auth_context.actor_id) })
}
