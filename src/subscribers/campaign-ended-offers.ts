import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { expireOffers } from "../jobs/expire-offers"
import { CrmEvents } from "../lib/events"

/**
 * Staff ended a campaign early: the personal codes of its offers stop working now rather than at
 * the next run of the expiry job (which deactivates every expired or removed offer's code, once, under
 * its lock). A second delivery finds nothing left to deactivate.
 */
export default async function campaignEndedOffersHandler({ container }: SubscriberArgs<{ id: string }>) {
  await expireOffers(container)
}

export const config: SubscriberConfig = {
  event: CrmEvents.CAMPAIGN_ENDED,
  context: { subscriberId: "medusa-crm-campaign-ended-offers" },
}
