import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CrmEvents } from "../lib/events"
import { runRetention } from "../lib/retention"

/**
 * Carries out a retention run started from the admin (or one left by a crash), on the worker,
 * under the retention lock (once across instances). Idempotent: a run that is no longer running
 * is left as it is, and a run found with counts is resumed from its cursor, not started again.
 * An instance that finds the lock taken leaves the run to the one holding it (or to the next
 * daily job, which resumes it).
 */
export default async function privacyRetentionRequestedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await runRetention(container, { run_id: data.id })
}

export const config: SubscriberConfig = {
  event: CrmEvents.PRIVACY_RETENTION_REQUESTED,
  context: { subscriberId: "medusa-crm-privacy-retention-requested" },
}
