import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { purchaseMembershipsWorkflow } from "../workflows/membership-actions"

/**
 * An order with a plan's variant creates a membership or renews the customer's active one. Once per
 * order line: the same event twice changes nothing.
 */
export default async function orderPlacedMembershipsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await purchaseMembershipsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "medusa-crm-order-placed-memberships" },
}
