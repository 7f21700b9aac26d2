import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reverseLoyaltyPointsWorkflow } from "../workflows/reverse-loyalty-points"

/**
 * A canceled order takes back the points it earned and returns the points it spent. Idempotent:
 * only what the ledger still owes is reversed.
 */
export default async function orderCanceledLoyaltyHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseLoyaltyPointsWorkflow(container).run({
    input: { order_id: data.id, reason: "canceled" },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "medusa-crm-order-canceled-loyalty" },
}
