import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatInboxRows, listInboxRows, STORE_STATUSES } from "../../../../../lib/messages/inbox"
import type { StoreMessageListResponse } from "../../../../../types/http/messages"
import type { StoreInboxListParamsType } from "./validators"

/**
 * The logged-in customer's messages, newest first: new, read and expired ones (read: opened in the
 * storefront), with `unread`, how many are new.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreInboxListParamsType>,
  res: MedusaResponse<StoreMessageListResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const { rows, count, unread } = await listInboxRows(
    req.scope,
    { customer_id: req.auth_context.actor_id, section: "messages", statuses: STORE_STATUSES.messages },
    { limit, offset }
  )
  res.json({ messages: await formatInboxRows(req.scope, rows), count, offset, limit, unread })
}
