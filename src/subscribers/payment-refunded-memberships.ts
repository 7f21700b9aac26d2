import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { orderIdOfPayment } from "../lib/payments"
import { revokeRefundedMembershipPurchasesWorkflow } from "../workflows/membership-actions"

/**
 * A refund (through the admin, or after a return) that covers an order line which bought a
 * membership takes it back as a cancel would: the membership is cancelled, or the renewal rolled
 * back. A refund that does not cover the line keeps it and notes the refund on the holder's
 * timeline. Worked out from all the order's refunds, so the same event twice changes nothing.
 */
export default async function paymentRefundedMembershipsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const orderId = await orderIdOfPayment(container, data.id)
  if (!orderId) {
    return
  }
  await revokeRefundedMembershipPurchasesWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "medusa-crm-payment-refunded-memberships" },
}
