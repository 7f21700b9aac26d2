import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { inboxEntryLockKey } from "../../lib/messages/personal-promotions"
import { noteEvent } from "../../lib/system-notes"
import { recordSystemNotesStep } from "../steps/record-system-notes"
import { prepareOfferRemovalStep, setPromotionsStatusStep, updateInboxEntriesStep } from "./steps"

export type RemoveCustomerOfferWorkflowInput = {
  customer_id: string
  entry_id: string
  /** The admin user who removed it. */
  actor_id?: string | null
}

export const removeCustomerOfferWorkflowId = "remove-customer-offer"

/**
 * Staff remove an offer (or a loyalty offer, or a reward) from a customer's inbox: the entry is
 * marked removed (it leaves the storefront), its own promotion is deactivated so its code no longer
 * works (a shared offer's promotion stays: other customers use it), a system note `offer_removed`
 * goes on the customer's timeline, and `crm.customer_offer.removed` is emitted. 409
 * `offer_already_removed` the second time. Any failure undoes every step.
 *
 * @example
 * await removeCustomerOfferWorkflow(container).run({
 *   input: { customer_id: "cus_123", entry_id: "cinb_123", actor_id: "user_123" },
 * })
 */
export const removeCustomerOfferWorkflow = createWorkflow(
  removeCustomerOfferWorkflowId,
  (input: WorkflowData<RemoveCustomerOfferWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => inboxEntryLockKey(input.entry_id))
    acquireLockStep({ key, timeout: 15, ttl: 60 })
    const offer = prepareOfferRemovalStep(input)
    updateInboxEntriesStep(
      transform({ offer, input }, ({ offer, input }) => [
        { id: offer.id, removed_at: new Date(), removed_by: input.actor_id ?? null },
      ])
    )
    setPromotionsStatusStep(
      transform({ offer }, ({ offer }) => ({
        ids: offer.promotion_id ? [offer.promotion_id] : [],
        status: "inactive" as const,
      }))
    )
    recordSystemNotesStep(
      transform({ offer, input }, ({ offer, input }) => [
        {
          customer_id: offer.customer_id,
          body: `Offer "${offer.title}" removed`,
          event: noteEvent("offer_removed", { title: offer.title }),
          author_id: input.actor_id ?? null,
        },
      ])
    )
    emitEventStep({
      eventName: CrmEvents.OFFER_REMOVED,
      data: transform({ offer }, ({ offer }) => ({
        id: offer.id,
        customer_id: offer.customer_id,
        campaign_id: offer.campaign_id,
      })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ offer }, ({ offer }) => ({ id: offer.id })))
  }
)
