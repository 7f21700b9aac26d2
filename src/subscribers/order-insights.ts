import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"

/**
 * An order placed, canceled or changed: its customer's metrics are recomputed from their orders,
 * so the same event twice gives the same figures. Captures and refunds: `payment-insights`.
 */
export default async function orderInsightsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshCustomerInsightsWorkflow(container).run({ input: { order_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED, OrderWorkflowEvents.UPDATED],
  context: { subscriberId: "medusa-crm-order-insights" },
}
