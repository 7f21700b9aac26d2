import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { SegmentSyncTrigger } from "../../types/http/customer-list"
import {
  applySegmentGroupChangesStep,
  computeSegmentDiffStep,
  finishSegmentSyncStep,
  loadSegmentForSyncStep,
  recordSegmentMembersStep,
  recordSegmentSyncFailureStep,
  startSegmentSyncStep,
} from "./steps"

export type SyncSegmentWorkflowInput = {
  segment_id: string
  trigger: SegmentSyncTrigger
  /** Only these customers (an event's); left out: every customer (a full sync). */
  customer_ids?: string[] | null
}

export const syncSegmentWorkflowId = "sync-customer-segment"

/**
 * Syncs a segment into its customer group: afterwards the group holds exactly the segment's
 * members among the customers the sync manages. Who matches and who is in the group is compared in
 * one set-based statement; customers join and leave through Medusa's customer module in batches;
 * the customers it put in are recorded (`customer_segment_member`), so with `manual_members: keep`
 * members added by hand stay, and with `remove` everyone who does not match leaves. A full sync is
 * recorded as running, then with its counts; an event's sync of a few customers only when it
 * changed something. Run it under the segment's lock (`runSegmentSync`). A deleted segment, or one
 * that syncs into no group, is skipped.
 *
 * @example
 * await syncSegmentWorkflow(container).run({ input: { segment_id: "cseg_123", trigger: "manual" } })
 */
export const syncSegmentWorkflow = createWorkflow(
  syncSegmentWorkflowId,
  (input: WorkflowData<SyncSegmentWorkflowInput>) => {
    const target = loadSegmentForSyncStep(transform({ input }, ({ input }) => ({ segment_id: input.segment_id })))
    const sync = when(
      "start-segment-sync-if-recorded",
      { input, target },
      ({ input, target }) => !!target.segment && !input.customer_ids
    ).then(() =>
      startSegmentSyncStep(transform({ input }, ({ input }) => ({ segment_id: input.segment_id, trigger: input.trigger })))
    )
    const diff = computeSegmentDiffStep(
      transform({ input, target }, ({ input, target }) => ({ segment: target.segment, customer_ids: input.customer_ids ?? null }))
    )
    const applied = applySegmentGroupChangesStep(
      transform({ target, diff }, ({ target, diff }) => ({
        group_id: target.segment?.group_id ?? null,
        add: diff.add,
        remove: diff.remove,
      }))
    )
    recordSegmentMembersStep(
      transform({ target, diff }, ({ target, diff }) => ({
        segment_id: target.segment?.id ?? null,
        add: diff.add,
        forget: diff.forget,
      }))
    )
    const finished = finishSegmentSyncStep(
      transform({ input, target, sync, applied }, ({ input, target, sync, applied }) => ({
        segment_id: target.segment?.id ?? null,
        group_id: target.segment?.group_id ?? null,
        sync: sync ?? null,
        trigger: input.trigger,
        added: applied.added.length,
        removed: applied.removed.length,
        full: !input.customer_ids,
      }))
    )
    when("emit-segment-synced-if-recorded", { finished }, ({ finished }) => !!finished.sync_id).then(() => {
      emitEventStep({
        eventName: CrmEvents.SEGMENT_SYNCED,
        data: transform({ input, finished }, ({ input, finished }) => ({
          id: input.segment_id,
          sync_id: finished.sync_id,
          added: finished.added,
          removed: finished.removed,
          status: "succeeded",
        })),
      }).config({ name: "emit-segment-synced" })
    })
    return new WorkflowResponse(finished)
  }
)

export type RecordSegmentSyncFailureWorkflowInput = { segment_id: string; trigger: SegmentSyncTrigger; error: string }

export const recordSegmentSyncFailureWorkflowId = "record-customer-segment-sync-failure"

/**
 * Records a sync that failed (its changes were undone) and marks the segment dirty, so the next
 * scheduled pass syncs it fully; emits `crm.customer_segment.synced` with status `failed`.
 *
 * @example
 * await recordSegmentSyncFailureWorkflow(container).run({ input: { segment_id: "cseg_123", trigger: "event", error: "lock timed out" } })
 */
export const recordSegmentSyncFailureWorkflow = createWorkflow(
  recordSegmentSyncFailureWorkflowId,
  (input: WorkflowData<RecordSegmentSyncFailureWorkflowInput>) => {
    const recorded = recordSegmentSyncFailureStep(input)
    when("emit-segment-sync-failed-if-recorded", { recorded }, ({ recorded }) => !!recorded).then(() => {
      emitEventStep({
        eventName: CrmEvents.SEGMENT_SYNCED,
        data: transform({ input, recorded }, ({ input, recorded }) => ({
          id: input.segment_id,
          sync_id: recorded!.id,
          added: 0,
          removed: 0,
          status: "failed",
        })),
      }).config({ name: "emit-segment-sync-failed" })
    })
    return new WorkflowResponse(recorded)
  }
)
