import type { MedusaContainer } from "@medusajs/framework/types"
import { countCustomers } from "../../../../lib/queries/customer-list"
import { selectRows } from "../../../../lib/queries/sql"
import type { CustomerSegment, SegmentSync } from "../../../../types/http/customer-list"
import { loadSegment, type SegmentRecord } from "../../../../workflows/segments/steps"

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

/** A sync record as answered. */
export const syncView = (r: Record<string, unknown>): SegmentSync => ({
  id: r.id as string,
  segment_id: r.segment_id as string,
  status: r.status as SegmentSync["status"],
  trigger: r.trigger as SegmentSync["trigger"],
  added: Number(r.added),
  removed: Number(r.removed),
  members: Number(r.members),
  error: (r.error as string | null) ?? null,
  started_at: iso(r.started_at) as string,
  finished_at: iso(r.finished_at),
})

/**
 * Segments as answered: their group (id and name), last sync and live count (one count query per
 * segment: a page holds at most 100).
 */
export async function segmentViews(
  scope: MedusaContainer,
  segments: (SegmentRecord & { created_at?: unknown; updated_at?: unknown })[]
): Promise<CustomerSegment[]> {
  if (!segments.length) {
    return []
  }
  const ids = segments.map((s) => s.id)
  const groupIds = segments.map((s) => s.group_id).filter((g): g is string => !!g)
  const [groups, syncs, counts] = await Promise.all([
    groupIds.length
      ? selectRows(scope, `SELECT id, name FROM customer_group WHERE id = ANY(:ids) AND deleted_at IS NULL`, { ids: groupIds })
      : Promise.resolve([]),
    selectRows(
      scope,
      `SELECT DISTINCT ON (segment_id) * FROM customer_segment_sync
        WHERE segment_id = ANY(:ids) AND deleted_at IS NULL ORDER BY segment_id, started_at DESC, id DESC`,
      { ids }
    ),
    Promise.all(segments.map((s) => countCustomers(scope, s.filter ?? {}))),
  ])
  const groupById = new Map(groups.map((g) => [g.id as string, { id: g.id as string, name: g.name as string }]))
  const syncBySegment = new Map(syncs.map((s) => [s.segment_id as string, syncView(s)]))
  return segments.map((s, i) => ({
    id: s.id,
    name: s.name,
    description: s.description ?? null,
    filter: s.filter ?? {},
    group_id: s.group_id ?? null,
    group: s.group_id ? (groupById.get(s.group_id) ?? null) : null,
    manual_members: s.manual_members,
    count: counts[i],
    last_sync: syncBySegment.get(s.id) ?? null,
    created_by: s.created_by ?? null,
    created_at: iso(s.created_at) as string,
    updated_at: iso(s.updated_at) as string,
  }))
}

/** One segment as answered, or a 404 `segment_not_found`. */
export async function refetchSegment(scope: MedusaContainer, id: string): Promise<CustomerSegment> {
  const [segment] = await selectRows(
    scope,
    `SELECT id, name, description, filter, group_id, manual_members, created_by, dirty_at, created_at, updated_at
       FROM customer_segment WHERE id = :id AND deleted_at IS NULL`,
    { id }
  )
  if (!segment) {
    await loadSegment(scope, id) // throws the 404
  }
  return (await segmentViews(scope, [segment as unknown as SegmentRecord]))[0]
}
