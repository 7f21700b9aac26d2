import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CrmEvents } from "../lib/events"
import { runCampaignDistribution } from "../workflows/campaigns/run"

/**
 * A campaign was created (or moved) already started: the worker distributes it at once, under
 * the campaign's lock, instead of waiting for the next scheduled pass. Idempotent: a second
 * delivery finds everyone served and adds nothing. A failure is left to the scheduled pass.
 */
export default async function campaignDistributionRequestedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await runCampaignDistribution(container, data.id)
}

export const config: SubscriberConfig = {
  event: CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED,
  context: { subscriberId: "medusa-crm-campaign-distribution-requested" },
}
