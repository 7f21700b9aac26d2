import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { giveBackOffersWorkflow, markOffersUsedWorkflow } from "../workflows/inbox/offer-uses"

/**
 * A placed order marks the offers it used as redeemed (the order's date and id); a canceled order
 * gives them back. Idempotent: a second delivery finds nothing left to change.
 */
export default async function offerUsedHandler({
  event: { name, data },
  container,
}: SubscriberArgs<{ id: string }>) {
  if (name === OrderWorkflowEvents.CANCELED) {
    await giveBackOffersWorkflow(container).run({ input: { order_id: data.id } })
    return
  }
  await markOffersUsedWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED],
  context: { subscriberId: "medusa-crm-offer-used" },
}
