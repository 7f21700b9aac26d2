import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runExclusive } from "../lib/exclusive-job"
import { selectRows } from "../lib/queries/sql"
import { purgeMergedRecordWorkflow } from "../workflows/purge-merged-record"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/** Merges handled per round of the job's loop. */
const BATCH = 50

/**
 * Purges the merged-away records of merges past their undo window through the customer-data
 * registry (`purgeMergedRecordWorkflow`, one merge at a time), page by page until none is left.
 * Resumable: a purged merge is marked (its snapshot holds `purged_at`), so an interrupted run
 * goes on where it stopped. One instance at a time; each merge is also rechecked under its row
 * lock. Returns how many merges it handled.
 */
export async function purgeMergedRecords(container: MedusaContainer): Promise<number> {
  let handled = 0
  for (;;) {
    const due = await selectRows(
      container,
      `SELECT id FROM customer_merge
       WHERE status = 'merged' AND undo_until < now() AND deleted_at IS NULL AND (source_snapshot ->> 'purged_at') IS NULL
       ORDER BY undo_until, id LIMIT :batch`,
      { batch: BATCH }
    )
    for (const { id } of due) {
      await purgeMergedRecordWorkflow(container).run({ input: { merge_id: id as string } })
      handled += 1
    }
    if (due.length < BATCH) {
      return handled
    }
  }
}

export default async function purgeMergedRecordsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const handled = await runExclusive(
    container,
    "medusa-crm:purge-merged-records",
    "purging merged-away records",
    () => purgeMergedRecords(container),
    3600
  )
  if (handled) {
    logger.info(`medusa-crm: purged the merged-away records of ${handled} merges past their undo window`)
  }
}

export const config = crmJobConfig({
  name: "medusa-crm-purge-merged-records",
  schedule: "30 3 * * *",
})
