import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { revokeMembershipPurchasesWorkflow } from "../workflows/membership-actions"

/**
 * A canceled order takes back the memberships it bought (cancelled) and the renewals it made
 * (rolled back). The same event twice changes nothing.
 */
export default async function orderCanceledMembershipsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await revokeMembershipPurchasesWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "medusa-crm-order-canceled-memberships" },
}
