import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatInboxRows, listInboxRows, STORE_STATUSES } from "../../../../../lib/messages/inbox"
import type { StoreOfferListResponse } from "../../../../../types/http/messages"
import { issuePendingCodes } from "../messages/helpers"
import type { StoreInboxListParamsType } from "../messages/validators"

/**
 * The logged-in customer's usable offers, newest first: offers, loyalty offers and the rewards they
 * bought, while new or read (used, expired and removed ones leave the inbox). Personal offers get
 * their own code the first time they are listed. `code` goes to Medusa's cart promotion routes.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreInboxListParamsType>,
  res: MedusaResponse<StoreOfferListResponse>
) => {
  const customerId = req.auth_context.actor_id
  const { limit, offset } = req.validatedQuery
  await issuePendingCodes(req.scope, customerId)
  const { rows, count } = await listInboxRows(
    req.scope,
    { customer_id: customerId, section: "offers", statuses: STORE_STATUSES.offers },
    { limit, offset }
  )
  res.json({ offers: await formatInboxRows(req.scope, rows), count, offset, limit })
}
