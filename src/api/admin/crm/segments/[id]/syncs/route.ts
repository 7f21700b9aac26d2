import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { selectRows } from "../../../../../../lib/queries/sql"
import type { AdminSegmentSyncListResponse } from "../../../../../../types/http/customer-list"
import { loadSegment } from "../../../../../../workflows/segments/steps"
import { syncView } from "../../helpers"
import type { AdminSegmentSyncsParamsType } from "../../validators"

/** The segment's sync history, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminSegmentSyncsParamsType>,
  res: MedusaResponse<AdminSegmentSyncListResponse>
) => {
  const { limit, offset } = req.validatedQuery
  await loadSegment(req.scope, req.params.id)
  const rows = await selectRows(
    req.scope,
    `SELECT *, COUNT(*) OVER () AS total FROM customer_segment_sync
      WHERE segment_id = :id AND deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset`,
    { id: req.params.id, limit, offset }
  )
  let count = rows.length ? Number(rows[0].total) : 0
  if (!rows.length && offset > 0) {
    const [row] = await selectRows(
      req.scope,
      `SELECT COUNT(*) AS n FROM customer_segment_sync WHERE segment_id = :id AND deleted_at IS NULL`,
      { id: req.params.id }
    )
    count = Number(row.n)
  }
  res.json({ syncs: rows.map(syncView), count, offset, limit })
}
