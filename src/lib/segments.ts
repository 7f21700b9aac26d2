import type { CustomerListFilter, SegmentManualMembers } from "../types/http/customer-list"
import { customerIdsSql, defaultCurrency } from "./queries/customer-list"
import { selectRows, type SqlSource } from "./queries/sql"

/**
 * Segments synced into native customer groups: the set-based diff between who matches a
 * segment's filter and who is in its group. The sync workflow (`src/workflows/segments`) applies
 * it through Medusa's customer module; this file only reads.
 */

/** Group memberships added or removed per call to the customer module. */
export const SEGMENT_SYNC_BATCH = 500

/** The lock one segment's syncs take (full and per customer), so two never interleave. */
export const segmentLockKey = (segmentId: string) => `medusa-crm:segment-sync:${segmentId}`
/** The scheduled pass over every synced segment: one instance at a time. */
export const SEGMENT_PASS_LOCK = "medusa-crm:sync-customer-segments"
/** How long a segment's lock lives at most (a crashed holder frees it then), in seconds. */
export const SEGMENT_LOCK_EXPIRE_SECONDS = 900
/** How long an event's sync waits for a segment's lock before leaving it to the next pass, in seconds. */
export const SEGMENT_LOCK_WAIT_SECONDS = 60

/** What a sync needs of a segment. */
export type SyncableSegment = {
  id: string
  filter: CustomerListFilter
  group_id: string
  manual_members: SegmentManualMembers
}

/**
 * What a sync changes:
 * - `add`: match and are not in the group: they join it (and the segment records them as its own);
 * - `remove`: in the group and no longer match, and the segment manages them (it added them, or it
 *   removes manual members too): they leave it;
 * - `forget`: recorded as the segment's own and no longer matching: the record goes (whether or not
 *   they are still in the group: taken out by hand, they are no longer the segment's).
 */
export type SegmentDiff = { add: string[]; remove: string[]; forget: string[] }

/**
 * The diff of one segment, in one statement over the whole segment, or over `scope` only (the
 * customers an event touched). Anonymized, deleted and archived customers never match (the list
 * engine leaves them out), so a sync takes them out of the group it put them in.
 */
export async function segmentDiff(
  source: SqlSource,
  segment: SyncableSegment,
  scope?: string[] | null
): Promise<SegmentDiff> {
  const currency = segment.filter.currency_code ?? (await defaultCurrency(source))
  const matching = customerIdsSql(segment.filter, currency)
  const scoped = !!scope
  const rows = await selectRows(
    source,
    `WITH matching AS (${matching.sql}${scoped ? " AND c.id = ANY(:seg_scope)" : ""}),
     grp AS (
       SELECT DISTINCT customer_id AS id FROM customer_group_customer
        WHERE customer_group_id = :seg_group AND deleted_at IS NULL${scoped ? " AND customer_id = ANY(:seg_scope)" : ""}
     ),
     rec AS (
       SELECT customer_id AS id FROM customer_segment_member
        WHERE segment_id = :seg_id AND deleted_at IS NULL${scoped ? " AND customer_id = ANY(:seg_scope)" : ""}
     )
     SELECT 'add' AS op, m.id FROM matching m WHERE NOT EXISTS (SELECT 1 FROM grp g WHERE g.id = m.id)
     UNION ALL
     SELECT 'remove', g.id FROM grp g
      WHERE NOT EXISTS (SELECT 1 FROM matching m WHERE m.id = g.id)
        AND (:seg_remove_all OR EXISTS (SELECT 1 FROM rec r WHERE r.id = g.id))
     UNION ALL
     SELECT 'forget', r.id FROM rec r WHERE NOT EXISTS (SELECT 1 FROM matching m WHERE m.id = r.id)`,
    {
      ...matching.values,
      seg_scope: scope ?? [],
      seg_group: segment.group_id,
      seg_id: segment.id,
      seg_remove_all: segment.manual_members === "remove",
    }
  )
  const diff: SegmentDiff = { add: [], remove: [], forget: [] }
  for (const row of rows) {
    diff[row.op as keyof SegmentDiff].push(row.id as string)
  }
  return diff
}

/** How many customers are in a group now. */
export async function groupMemberCount(source: SqlSource, groupId: string): Promise<number> {
  const [row] = await selectRows(
    source,
    `SELECT COUNT(DISTINCT customer_id) AS n FROM customer_group_customer WHERE customer_group_id = :group_id AND deleted_at IS NULL`,
    { group_id: groupId }
  )
  return Number(row?.n ?? 0)
}

/** Splits a list into batches. */
export const batches = <T>(items: T[], size = SEGMENT_SYNC_BATCH): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size))
  }
  return out
}
