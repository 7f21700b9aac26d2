import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { orderIdOfPayment } from "../lib/payments"
import { releasePaidLoyaltyPointsWorkflow } from "../workflows/release-paid-loyalty-points"

/**
 * A captured payment may complete its order's payment: points that waited for it (program
 * `earn_on: "paid"`) become available, after the pending days. Idempotent.
 */
export default async function paymentCapturedLoyaltyHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const orderId = await orderIdOfPayment(container, data.id)
  if (!orderId) {
    return
  }
  await releasePaidLoyaltyPointsWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "medusa-crm-payment-captured-loyalty" },
}
