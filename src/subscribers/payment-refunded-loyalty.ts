import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { orderIdOfPayment } from "../lib/payments"
import { reverseLoyaltyPointsWorkflow } from "../workflows/reverse-loyalty-points"

/**
 * A refund takes back the refunded share of the order's earned points. The share is worked out
 * from all refunds of the order, so the same event twice reverses nothing more.
 */
export default async function paymentRefundedLoyaltyHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const orderId = await orderIdOfPayment(container, data.id)
  if (!orderId) {
    return
  }
  await reverseLoyaltyPointsWorkflow(container).run({
    input: { order_id: orderId, reason: "refunded" },
  })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "medusa-crm-payment-refunded-loyalty" },
}
