import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreOfferResponse } from "../../../../../../types/http/messages"
import { openOwnEntry } from "../../messages/helpers"

/**
 * One of the customer's offers, with its body and status (also once used or expired); opening it
 * marks it read and issues a personal offer's code. 404 `offer_not_found` for anyone else's, or
 * once staff removed it.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreOfferResponse>) => {
  const offer = await openOwnEntry(req.scope, req.auth_context.actor_id, "offers", req.params.id)
  res.json({ offer })
}
