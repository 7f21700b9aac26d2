import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { syncCustomersIntoSegments } from "../workflows/segments/run"

/**
 * A payment captured or refunded changes the money received (lifetime value): the customer's
 * figures are recomputed from their orders, so the same event twice gives the same figures; then
 * each synced segment re-checks them (a segment on lifetime value takes the buyer in on capture).
 */
export default async function paymentInsightsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const { result } = await refreshCustomerInsightsWorkflow(container).run({ input: { payment_ids: [data.id] } })
  await syncCustomersIntoSegments(container, result.customer_ids)
}

export const config: SubscriberConfig = {
  event: [PaymentEvents.CAPTURED, PaymentEvents.REFUNDED],
  // The id this subscriber had when it handled refunds only.
  context: { subscriberId: "medusa-crm-payment-refunded-insights" },
}
