import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerOfferListResponse } from "../../../../../types/http/messages"
import { listCustomerInbox } from "../messages/helpers"
import type { AdminCustomerInboxParamsType } from "../messages/validators"

/**
 * The customer's offers, loyalty offers and rewards, newest first, with their status (new, read,
 * redeemed with the order's date, removed, expired) and code.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminCustomerInboxParamsType>,
  res: MedusaResponse<AdminCustomerOfferListResponse>
) => {
  const { entries, count, offset, limit } = await listCustomerInbox(req, "offers")
  res.json({ offers: entries, count, offset, limit })
}
