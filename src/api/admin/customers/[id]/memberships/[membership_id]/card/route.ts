import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { membershipCard } from "../../../../../../utils/membership-cards"

/** The customer's own card of the membership (as holder or co-member), with its signed QR code. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ card: await membershipCard(req.scope, req.params.membership_id, req.params.id) })
}
