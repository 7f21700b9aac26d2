import { createStep, createWorkflow, StepResponse, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteWithHandlers, inCustomerDataTransaction, removeReleasedFiles } from "../lib/customer-data"
import { selectRows } from "../lib/queries/sql"

export const purgeMergedRecordStepId = "purge-merged-record"

/**
 * Removes what a merge left of its merged-away record once the merge can no longer be undone:
 * every handler's `delete` for the source customer (the record itself, deleted softly by the
 * merge, and the rows hidden with it), and the merge's snapshot of the source shrinks to its id
 * and the time of the purge, which also marks the merge as done. One transaction, under the
 * merge's row lock, rechecking that it is still merged and past its window: several instances,
 * or a second run, purge each merge once. A source record that is live again (restored by hand)
 * is left alone; the merge is marked all the same. Nothing to compensate: the step is the
 * workflow's last and commits whole or not at all.
 */
export const purgeMergedRecordStep = createStep(
  purgeMergedRecordStepId,
  async (input: { merge_id: string }, { container }) => {
    const outcome = await inCustomerDataTransaction(container, async (ctx) => {
      const [merge] = await selectRows(
        ctx.sql,
        `SELECT id, source_id FROM customer_merge
         WHERE id = :id AND status = 'merged' AND undo_until < now() AND deleted_at IS NULL
           AND (source_snapshot ->> 'purged_at') IS NULL
         FOR UPDATE`,
        { id: input.merge_id }
      )
      if (!merge) {
        return { purged: false, file_ids: [] as string[] }
      }
      const [live] = await selectRows(
        ctx.sql,
        `SELECT id FROM customer WHERE id = :id AND deleted_at IS NULL`,
        { id: merge.source_id }
      )
      const effects = live ? { file_ids: [] as string[] } : await deleteWithHandlers(ctx, [merge.source_id as string])
      await selectRows(
        ctx.sql,
        `UPDATE customer_merge
         SET source_snapshot = jsonb_build_object('id', source_id, 'purged_at', now()), updated_at = now()
         WHERE id = :id`,
        { id: merge.id }
      )
      return { purged: !live, file_ids: effects.file_ids }
    })
    await removeReleasedFiles(container, outcome.file_ids)
    return new StepResponse({ merge_id: input.merge_id, purged: outcome.purged })
  }
)

/**
 * Purges one merge's merged-away record past its undo window (see `purgeMergedRecordStep`). Run by
 * the daily `medusa-crm-purge-merged-records` job.
 *
 * @example
 * await purgeMergedRecordWorkflow(container).run({ input: { merge_id: "cmrg_123" } })
 */
export const purgeMergedRecordWorkflow = createWorkflow(
  "purge-merged-record",
  (input: WorkflowData<{ merge_id: string }>) => {
    return new WorkflowResponse(purgeMergedRecordStep(input))
  }
)
