import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import { releaseRedemptionIfCodeRemoved } from "../workflows/release-loyalty-redemption"

/**
 * A cart that changed (its region, items or shipping) and lost its points' code gives the points
 * back at once. Idempotent: once released, nothing is held and a second event does nothing.
 */
export default async function cartUpdatedLoyaltyHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await releaseRedemptionIfCodeRemoved(container, data.id)
}

export const config: SubscriberConfig = {
  event: CartWorkflowEvents.UPDATED,
  context: { subscriberId: "medusa-crm-cart-updated-loyalty" },
}
