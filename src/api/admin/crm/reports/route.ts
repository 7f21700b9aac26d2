import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sharedConnection } from "../../../../lib/customer-data"
import { selectRows } from "../../../../lib/queries/sql"
import { lastRuns, refetchReport, type ReportRecord, reportView } from "../../../../lib/reports/reports"
import type { AdminReportListResponse, AdminReportResponse } from "../../../../types/http/customer-list"
import { createReportWorkflow } from "../../../../workflows/reports/reports"
import { actorUserId } from "../../../utils/customers"
import { reportValues } from "./helpers"
import type { AdminCreateReportType, AdminReportsParamsType } from "./validators"

const ORDER_SQL: Record<string, string> = {
  created_at: "created_at",
  name: "lower(name)",
  next_run_at: "next_run_at",
}

/** The reports, newest first (or by `order`), each with its latest run; `q` searches the name. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminReportsParamsType>,
  res: MedusaResponse<AdminReportListResponse>
) => {
  const { q, limit, offset, order } = req.validatedQuery
  const field = (order ?? "-created_at").replace(/^-/, "")
  const direction = order?.startsWith("-") ? "DESC" : "ASC"
  const db = sharedConnection(req.scope)
  const where = `deleted_at IS NULL AND (:q::text IS NULL OR name ILIKE '%' || :q || '%')`
  const rows = (await selectRows(
    db,
    `SELECT * FROM crm_report WHERE ${where} ORDER BY ${ORDER_SQL[field]} ${direction} NULLS LAST, id LIMIT :limit OFFSET :offset`,
    { q: q ?? null, limit, offset }
  )) as unknown as ReportRecord[]
  const [{ count }] = await selectRows(db, `SELECT COUNT(*)::int AS count FROM crm_report WHERE ${where}`, { q: q ?? null })
  const last = await lastRuns(db, rows.map((r) => r.id))
  res.json({
    reports: rows.map((r) => reportView(r, last.get(r.id) ?? null)),
    count: Number(count),
    offset,
    limit,
  })
}

/**
 * Creates a scheduled report: 201 with the report (its destination without secrets: `has_password`,
 * `has_private_key`). 404 `segment_not_found`; 400 `report_secret_missing` when an SFTP secret
 * cannot be encrypted (no `report_secret` in production).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateReportType>, res: MedusaResponse<AdminReportResponse>) => {
  const values = await reportValues(req.scope, req.validatedBody, null)
  const { result } = await createReportWorkflow(req.scope).run({
    input: { ...values, created_by: actorUserId(req.auth_context) },
  })
  res.status(201).json({ report: await refetchReport(req.scope, result.id) })
}
