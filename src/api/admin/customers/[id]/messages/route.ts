import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerMessageListResponse } from "../../../../../types/http/messages"
import { listCustomerInbox } from "./helpers"
import type { AdminCustomerInboxParamsType } from "./validators"

/** The customer's messages, newest first, with their status (new, read, expired). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminCustomerInboxParamsType>,
  res: MedusaResponse<AdminCustomerMessageListResponse>
) => {
  const { entries, count, offset, limit } = await listCustomerInbox(req, "messages")
  res.json({ messages: entries, count, offset, limit })
}
