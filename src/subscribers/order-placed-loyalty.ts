import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { earnLoyaltyPointsWorkflow } from "../workflows/earn-loyalty-points"

/**
 * A placed order earns its customer points and spends the points held on its cart. Idempotent:
 * the same event twice writes one earn.
 */
export default async function orderPlacedLoyaltyHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await earnLoyaltyPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "medusa-crm-order-placed-loyalty" },
}
