import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import {
  findOfferGiveBacksStep,
  findOfferUsesStep,
  releasePromotionUsesStep,
  updateInboxEntriesStep,
} from "./steps"

const orderLockKey = (orderId: string) => `medusa-crm:offer-uses:${orderId}`

export const markOffersUsedWorkflowId = "mark-offers-used"

/**
 * What `order.placed` does to inboxes: each offer the order used (its personal or reward promotion,
 * or a shared offer's promotion in the customer's inbox) is marked redeemed with the order's date
 * and id, and `crm.customer_offer.used` is emitted for it. Under a lock on the order; a second run
 * marks nothing.
 *
 * @example
 * await markOffersUsedWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const markOffersUsedWorkflow = createWorkflow(
  markOffersUsedWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const key = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const found = findOfferUsesStep(input)
    updateInboxEntriesStep(
      transform({ found }, ({ found }) =>
        found.uses.map((use) => ({ id: use.id, redeemed_at: found.redeemed_at, redeemed_order_id: found.order_id }))
      )
    )
    emitEventStep({
      eventName: CrmEvents.OFFER_USED,
      data: transform({ found }, ({ found }) =>
        found.uses.map((use) => ({
          id: use.id,
          customer_id: use.customer_id,
          campaign_id: use.campaign_id,
          order_id: found.order_id,
        }))
      ),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ found }, ({ found }) => found.uses.map((use) => use.id)))
  }
)

export const giveBackOffersWorkflowId = "give-back-offers"

/**
 * What `order.canceled` does to inboxes: the offers the order used are no longer redeemed (they
 * show again while they run), and their personal promotions get their use back so the code works
 * again. Under the order's lock; a second run changes nothing.
 *
 * @example
 * await giveBackOffersWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const giveBackOffersWorkflow = createWorkflow(
  giveBackOffersWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const key = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const entries = findOfferGiveBacksStep(input)
    updateInboxEntriesStep(
      transform({ entries }, ({ entries }) =>
        entries.map((e) => ({ id: e.id, redeemed_at: null, redeemed_order_id: null }))
      )
    )
    releasePromotionUsesStep(
      transform({ entries }, ({ entries }) => ({
        codes: entries.map((e) => e.promotion_code).filter((c): c is string => !!c),
        customer_id: entries[0]?.customer_id ?? null,
      }))
    )
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ entries }, ({ entries }) => entries.map((e) => e.id)))
  }
)
