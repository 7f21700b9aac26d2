import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"

/**
 * A payment captured or refunded changes the money received (lifetime value): the customer's
 * figures are recomputed from their orders, so the same event twice gives the same figures.
 */
export default async function paymentInsightsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshCustomerInsightsWorkflow(container).run({ input: { payment_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: [PaymentEvents.CAPTURED, PaymentEvents.REFUNDED],
  // The id this subscriber had when it handled refunds only.
  context: { subscriberId: "medusa-crm-payment-refunded-insights" },
}
