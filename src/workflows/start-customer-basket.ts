import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createOrderWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { prepareBasketStep, recordSystemNotesStep } from "./steps"
import { noteEvent } from "../lib/system-notes"

export type StartCustomerBasketWorkflowInput = {
  customer_id: string
  sales_channel_id?: string
  region_id?: string
  actor_id?: string | null
}

/**
 * "Start basket": a draft order for the customer with their e-mail, default addresses, a region
 * that fits the address and a sales channel, made by Medusa's own order workflow, so customer
 * group prices and promotions (tags, memberships) apply when items are added in the draft order
 * page.
 *
 * @example
 * await startCustomerBasketWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const startCustomerBasketWorkflow = createWorkflow(
  "start-customer-basket",
  (input: WorkflowData<StartCustomerBasketWorkflowInput>) => {
    const basket = prepareBasketStep(input)
    const order = createOrderWorkflow.runAsStep({
      input: transform({ basket }, ({ basket }) => ({
        ...basket,
        status: "draft" as const,
        is_draft_order: true,
        items: [],
      })),
    })
    recordSystemNotesStep(
      transform({ order, input }, ({ order, input }) => [
        {
          customer_id: input.customer_id,
          body: `Basket started: draft order #${order.display_id}`,
          event: noteEvent("basket_started", { display_id: order.display_id }),
          author_id: input.actor_id ?? null,
        },
      ])
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_BASKET_STARTED,
      data: transform({ order, input }, ({ order, input }) => ({ id: order.id, customer_id: input.customer_id })),
    })
    return new WorkflowResponse(order)
  }
)
