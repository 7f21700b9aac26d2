import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { reverseLoyaltyPointsWorkflow } from "../workflows/reverse-loyalty-points"

/**
 * A refund takes back the refunded share of the order's earned points. The share is worked out
 * from all refunds of the order, so the same event twice reverses nothing more.
 */
export default async function paymentRefundedLoyaltyHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: data.id },
  })
  const orderId = (payments[0] as any)?.payment_collection?.order?.id as string | undefined
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
