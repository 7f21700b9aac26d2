import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"

/** A refund lowers the customer's net figures: they are recomputed from their orders. */
export default async function paymentRefundedInsightsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshCustomerInsightsWorkflow(container).run({ input: { payment_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "medusa-crm-payment-refunded-insights" },
}
