import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { runExclusive } from "../../lib/exclusive-job"
import { selectRows } from "../../lib/queries/sql"
import {
  SEGMENT_LOCK_EXPIRE_SECONDS,
  SEGMENT_LOCK_WAIT_SECONDS,
  SEGMENT_PASS_LOCK,
  segmentLockKey,
} from "../../lib/segments"
import type { SegmentSyncTrigger } from "../../types/http/customer-list"
import { recordSegmentSyncFailureWorkflow, syncSegmentWorkflow } from "./sync-segment"

export type SegmentSyncOutcome =
  | { status: "succeeded"; sync_id: string | null; added: number; removed: number; members: number }
  | { status: "failed"; error: string }

/**
 * Runs one segment's sync (all its customers, or `customerIds` only) under the segment's lock,
 * waiting for a sync that holds it. When it fails (the lock is not free in time, the database
 * refuses) its changes are undone by the workflow's compensations, the failure is recorded and the
 * segment marked dirty: the next scheduled pass syncs it fully. Logs ids only.
 */
export async function runSegmentSync(
  container: MedusaContainer,
  segmentId: string,
  trigger: SegmentSyncTrigger,
  customerIds?: string[] | null
): Promise<SegmentSyncOutcome> {
  const locking = container.resolve(Modules.LOCKING)
  try {
    return await locking.execute(
      segmentLockKey(segmentId),
      async () => {
        const { result } = await syncSegmentWorkflow(container).run({
          input: { segment_id: segmentId, trigger, customer_ids: customerIds ?? null },
        })
        return { status: "succeeded" as const, ...result }
      },
      { timeout: SEGMENT_LOCK_WAIT_SECONDS, expire: SEGMENT_LOCK_EXPIRE_SECONDS }
    )
  } catch (e) {
    const error = (e as Error)?.message ?? String(e)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-crm: sync of segment ${segmentId} (${trigger}) failed; the next scheduled pass retries it`)
    await recordSegmentSyncFailureWorkflow(container).run({ input: { segment_id: segmentId, trigger, error } })
    return { status: "failed", error }
  }
}

/** Synced segments (those with a group), dirty ones first, then the longest since their last good sync. */
async function syncedSegmentIds(container: MedusaContainer): Promise<string[]> {
  const rows = await selectRows(
    container,
    `SELECT s.id FROM customer_segment s
      WHERE s.deleted_at IS NULL AND s.group_id IS NOT NULL
      ORDER BY s.dirty_at ASC NULLS LAST,
        (SELECT max(y.started_at) FROM customer_segment_sync y
          WHERE y.segment_id = s.id AND y.status = 'succeeded' AND y.trigger <> 'event' AND y.deleted_at IS NULL) ASC NULLS FIRST,
        s.id`
  )
  return rows.map((r) => r.id as string)
}

/**
 * An event touched these customers: each synced segment re-checks just them (adds or removes
 * them), under its lock. Idempotent: the same event twice finds nothing to change. A failure marks
 * that segment dirty and the others go on.
 */
export async function syncCustomersIntoSegments(container: MedusaContainer, customerIds: string[]) {
  const ids = [...new Set(customerIds.filter(Boolean))]
  if (!ids.length) {
    return []
  }
  const segments = await selectRows(
    container,
    `SELECT id FROM customer_segment WHERE deleted_at IS NULL AND group_id IS NOT NULL ORDER BY id`
  )
  const outcomes: SegmentSyncOutcome[] = []
  for (const { id } of segments) {
    outcomes.push(await runSegmentSync(container, id as string, "event", ids))
  }
  return outcomes
}

/** A sync record left running by a crash (its worker died) after this long is marked failed. */
const STALE_RUNNING_MINUTES = 60

/**
 * The scheduled pass: a full sync of every synced segment, once across instances (locking module;
 * another instance finds the lock taken and skips the round). Resumable: segments go dirty ones
 * first, then those synced longest ago, so a pass cut short (a restart) continues with the
 * segments it had not reached. A full sync also catches what events cannot: time-dependent filters
 * (days since the last order) drifting, and any event missed. Returns how many segments it synced,
 * or null when another instance runs the pass.
 */
export async function syncAllSegments(container: MedusaContainer, trigger: SegmentSyncTrigger = "schedule") {
  return runExclusive(
    container,
    SEGMENT_PASS_LOCK,
    "customer segment sync",
    async () => {
      await selectRows(
        container,
        `UPDATE customer_segment_sync SET status = 'failed', error = 'interrupted', finished_at = now(), updated_at = now()
          WHERE status = 'running' AND deleted_at IS NULL AND started_at < now() - make_interval(mins => :minutes)`,
        { minutes: STALE_RUNNING_MINUTES }
      )
      let synced = 0
      for (const id of await syncedSegmentIds(container)) {
        const outcome = await runSegmentSync(container, id, trigger)
        if (outcome.status === "succeeded") {
          synced++
        }
      }
      return synced
    },
    SEGMENT_LOCK_EXPIRE_SECONDS * 2
  )
}
