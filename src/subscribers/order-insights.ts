import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { syncCustomersIntoSegments } from "../workflows/segments/run"

/**
 * An order placed, canceled or changed: its customers' metrics are recomputed from their orders
 * (the customer it is filed under and whoever has its e-mail), so the same event twice gives the
 * same figures; then each synced segment re-checks those customers with their fresh figures.
 * Captures and refunds: `payment-insights`.
 */
export default async function orderInsightsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const { result } = await refreshCustomerInsightsWorkflow(container).run({ input: { order_ids: [data.id] } })
  await syncCustomersIntoSegments(container, result.customer_ids)
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED, OrderWorkflowEvents.UPDATED],
  context: { subscriberId: "medusa-crm-order-insights" },
}
