import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CrmEvents } from "../lib/events"
import { runRebuild } from "../lib/insights-rebuild"

/**
 * Runs a metrics rebuild started from the admin (`crm.insights_rebuild.requested`), on the worker,
 * with its progress on the rebuild record. Idempotent: under the rebuild lock only a rebuild still
 * running is taken, so the same event twice, or on two workers at once, runs it once; one left by
 * a stopped worker is run again. A failure marks the rebuild failed and is passed on.
 */
export default async function insightsRebuildRequestedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await runRebuild(container, data.id)
}

export const config: SubscriberConfig = {
  event: CrmEvents.INSIGHTS_REBUILD_REQUESTED,
  context: { subscriberId: "medusa-crm-insights-rebuild-requested" },
}
