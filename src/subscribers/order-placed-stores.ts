import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { addCustomerStoresFromOrderWorkflow } from "../workflows/add-customer-stores-from-order"

/**
 * Fills a customer's stores from where they buy: the order's sales channel is added to the stores
 * of its customer. Idempotent: a store the customer already has is left as it is.
 */
export default async function orderPlacedStoresHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await addCustomerStoresFromOrderWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "medusa-crm-order-placed-stores" },
}
