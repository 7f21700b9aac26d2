import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getReport, refetchReport } from "../../../../../lib/reports/reports"
import type { AdminReportResponse } from "../../../../../types/http/customer-list"
import { deleteReportWorkflow, updateReportWorkflow } from "../../../../../workflows/reports/reports"
import { reportValues } from "../helpers"
import type { AdminUpdateReportType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReportResponse>) => {
  res.json({ report: await refetchReport(req.scope, req.params.id) })
}

/**
 * Changes a report; what is left out stays. A destination without a new password or key keeps the
 * stored one. The next due time is recomputed. 404 `report_not_found` / `segment_not_found`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReportType>, res: MedusaResponse<AdminReportResponse>) => {
  const saved = await getReport(req.scope, req.params.id)
  const values = await reportValues(req.scope, req.validatedBody, saved)
  await updateReportWorkflow(req.scope).run({ input: { ...values, id: saved.id } })
  res.json({ report: await refetchReport(req.scope, saved.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteReportWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "crm_report", deleted: true })
}
