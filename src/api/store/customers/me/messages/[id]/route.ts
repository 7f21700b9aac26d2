import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreMessageResponse } from "../../../../../../types/http/messages"
import { openOwnEntry } from "../helpers"

/** One of the customer's messages, with its body; opening it marks it read (404 `message_not_found` for anyone else's). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreMessageResponse>) => {
  const message = await openOwnEntry(req.scope, req.auth_context.actor_id, "messages", req.params.id)
  res.json({ message })
}
