import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { selectRows } from "../../../../lib/queries/sql"
import type { AdminSegmentListResponse, AdminSegmentResponse } from "../../../../types/http/customer-list"
import { createSegmentWorkflow } from "../../../../workflows/segments/create-segment"
import type { SegmentRecord } from "../../../../workflows/segments/steps"
import { compactFilter } from "../../../utils/customer-list-filter"
import { answerRefusals } from "../../../utils/conflict"
import { actorUserId } from "../../../utils/customers"
import { refetchSegment, segmentViews } from "./helpers"
import type { AdminCreateSegmentType, AdminSegmentsParamsType } from "./validators"

const ORDER_SQL: Record<string, string> = {
  name: "lower(name)",
  created_at: "created_at",
  updated_at: "updated_at",
}

/** The segments, with their live counts, groups and last syncs; `q` searches the name. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminSegmentsParamsType>,
  res: MedusaResponse<AdminSegmentListResponse>
) => {
  const { q, limit, offset, order } = req.validatedQuery
  const desc = order?.startsWith("-")
  const column = ORDER_SQL[(order ?? "name").replace(/^-/, "")] ?? ORDER_SQL.name
  const rows = await selectRows(
    req.scope,
    `SELECT id, name, description, filter, group_id, manual_members, created_by, dirty_at, created_at, updated_at,
            COUNT(*) OVER () AS total
       FROM customer_segment
      WHERE deleted_at IS NULL AND (:q::text IS NULL OR name ILIKE :like)
      ORDER BY ${column} ${desc ? "DESC" : "ASC"}, id
      LIMIT :limit OFFSET :offset`,
    { q: q || null, like: `%${(q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit, offset }
  )
  let count = rows.length ? Number(rows[0].total) : 0
  if (!rows.length && offset > 0) {
    const [row] = await selectRows(
      req.scope,
      `SELECT COUNT(*) AS n FROM customer_segment WHERE deleted_at IS NULL AND (:q::text IS NULL OR name ILIKE :like)`,
      { q: q || null, like: `%${(q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
    )
    count = Number(row.n)
  }
  const segments = await segmentViews(req.scope, rows as unknown as SegmentRecord[])
  res.json({ segments, count, offset, limit })
}

/** Saves a segment (optionally synced into an existing or a new customer group). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateSegmentType>,
  res: MedusaResponse<AdminSegmentResponse>
) => {
  const body = req.validatedBody
  const run = await answerRefusals(res, () =>
    createSegmentWorkflow(req.scope).run({
      input: { ...body, filter: compactFilter(body.filter), created_by: actorUserId(req.auth_context) },
    })
  )
  if (!run.ok) {
    return
  }
  res.status(201).json({ segment: await refetchSegment(req.scope, run.value.result.id) })
}
