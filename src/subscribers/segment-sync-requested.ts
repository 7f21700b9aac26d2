import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CrmEvents } from "../lib/events"
import type { SegmentSyncTrigger } from "../types/http/customer-list"
import { runSegmentSync, syncAllSegments } from "../workflows/segments/run"

/**
 * A sync was asked for (a segment created or changed, "Sync now" in the admin): the worker runs it
 * under the segment's lock. Without an id: a pass over every synced segment. Idempotent: a second
 * sync finds nothing to change (it is recorded, with zero counts).
 */
export default async function segmentSyncRequestedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id?: string; trigger?: SegmentSyncTrigger }>) {
  const trigger = data.trigger ?? "manual"
  if (data.id) {
    await runSegmentSync(container, data.id, trigger)
  } else {
    await syncAllSegments(container, trigger)
  }
}

export const config: SubscriberConfig = {
  event: CrmEvents.SEGMENT_SYNC_REQUESTED,
  context: { subscriberId: "medusa-crm-segment-sync-requested" },
}
