import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { selectRows } from "../lib/queries/sql"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { syncCustomersIntoSegments } from "../workflows/segments/run"

/**
 * An order placed or canceled changes its customer's order count, totals and last order date:
 * their metrics are brought up to date first (recomputing is idempotent and serialised per
 * customer, so it does not matter that the insight subscriber does the same), then each synced
 * segment re-checks that customer.
 */
export default async function segmentOrderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const rows = await selectRows(
    container,
    `SELECT customer_id FROM "order" WHERE id = :id AND customer_id IS NOT NULL`,
    { id: data.id }
  )
  const customerId = rows[0]?.customer_id as string | undefined
  if (!customerId) {
    return
  }
  await refreshCustomerInsightsWorkflow(container).run({ input: { order_ids: [data.id] } })
  await syncCustomersIntoSegments(container, [customerId])
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED],
  context: { subscriberId: "medusa-crm-segment-order-placed" },
}
