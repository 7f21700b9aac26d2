import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALL_STATUSES, readInboxEntry } from "../../../../../../../lib/messages/inbox"
import type { AdminCustomerOfferResponse, InboxEntry } from "../../../../../../../types/http/messages"
import { removeCustomerOfferWorkflow } from "../../../../../../../workflows/inbox/remove-customer-offer"
import { answerRefusals } from "../../../../../../utils/conflict"
import { actorUserId } from "../../../../../../utils/customers"
import type { AdminRemoveCustomerOfferBodyType } from "../../../messages/validators"

/**
 * Removes an offer from the customer's inbox, with a system note; its personal code stops working.
 * 404 `customer_not_found` / `offer_not_found`, 409 `offer_already_removed`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRemoveCustomerOfferBodyType>,
  res: MedusaResponse<AdminCustomerOfferResponse>
) => {
  // Medusa's error handler answers a conflict with its own code: answer it with ours.
  const removed = await answerRefusals(res, () =>
    removeCustomerOfferWorkflow(req.scope).run({
      input: { customer_id: req.params.id, entry_id: req.params.offer_id, actor_id: actorUserId(req.auth_context) },
    })
  )
  if (!removed.ok) {
    return
  }
  const offer = await readInboxEntry(
    req.scope,
    { customer_id: req.params.id, section: "offers", statuses: ALL_STATUSES },
    req.params.offer_id
  )
  res.json({ offer: offer as InboxEntry })
}
