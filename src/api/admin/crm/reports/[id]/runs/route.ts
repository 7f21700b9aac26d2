import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sharedConnection } from "../../../../../../lib/customer-data"
import { selectRows } from "../../../../../../lib/queries/sql"
import { getReport, runView } from "../../../../../../lib/reports/reports"
import type { AdminReportRunListResponse } from "../../../../../../types/http/customer-list"
import type { AdminReportRunsParamsType } from "../../validators"

/** The report's runs, newest first; `status` filters. 404 `report_not_found`. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminReportRunsParamsType>,
  res: MedusaResponse<AdminReportRunListResponse>
) => {
  const report = await getReport(req.scope, req.params.id)
  const { limit, offset, status } = req.validatedQuery
  const db = sharedConnection(req.scope)
  const where = `report_id = :id AND deleted_at IS NULL AND (:status::text IS NULL OR status = :status)`
  const values = { id: report.id, status: status ?? null }
  const rows = await selectRows(db, `SELECT * FROM crm_report_run WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset`, {
    ...values,
    limit,
    offset,
  })
  const [{ count }] = await selectRows(db, `SELECT COUNT(*)::int AS count FROM crm_report_run WHERE ${where}`, values)
  res.json({ runs: rows.map(runView), count: Number(count), offset, limit })
}
