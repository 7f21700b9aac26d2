import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CrmEvents } from "../lib/events"
import { executeReportRun } from "../lib/reports/runs"

/**
 * Carries out a report run queued by hand, on the worker. Idempotent: the run is claimed by one
 * conditional update (queued → running), so a second delivery of the event, or the minute job
 * picking the same run up, does nothing. A failure is recorded on the run (retried with backoff by
 * the job), not thrown away.
 */
export default async function reportRunRequestedHandler({ event: { data }, container }: SubscriberArgs<{ id: string; report_id: string }>) {
  await executeReportRun(container, data.id)
}

export const config: SubscriberConfig = {
  event: CrmEvents.REPORT_RUN_REQUESTED,
  context: { subscriberId: "medusa-crm-report-run-requested" },
}
