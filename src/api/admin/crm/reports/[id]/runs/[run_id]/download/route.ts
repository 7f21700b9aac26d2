import type { IFileModuleService } from "@medusajs/framework/types"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { sharedConnection } from "../../../../../../../../lib/customer-data"
import { crmError } from "../../../../../../../../lib/errors"
import { selectRows } from "../../../../../../../../lib/queries/sql"
import { EXPORT_MIME_TYPES } from "../../../../../../../../lib/customer-list-export"
import { findReport } from "../../../../../../../../lib/reports/reports"
import { dueStamp } from "../../../../../../../../lib/reports/schedule"
import { CustomerListErrorCodes, type CustomerExportFormat } from "../../../../../../../../types/http/customer-list"

/**
 * Downloads the file a run kept in the file module (file and e-mail destinations), as an
 * attachment `<report>-<date>.<csv|jsonl>`. 404 `report_not_found` for an unknown run of this
 * report; 404 `report_run_no_file` while it has no file (not run yet, failed, or sent by SFTP).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const db = sharedConnection(req.scope)
  const [run] = await selectRows(
    db,
    `SELECT r.id, r.file_id, r.status, r.due_at, p.format, p.timezone FROM crm_report_run r
       JOIN crm_report p ON p.id = r.report_id
      WHERE r.id = :run_id AND r.report_id = :id AND r.deleted_at IS NULL`,
    { id: req.params.id, run_id: req.params.run_id }
  )
  if (!run) {
    const report = await findReport(db, req.params.id)
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      CustomerListErrorCodes.REPORT_NOT_FOUND,
      report ? `Run ${req.params.run_id} of report ${req.params.id} was not found` : `Report ${req.params.id} was not found`
    )
  }
  if (!run.file_id || run.status !== "succeeded") {
    throw crmError(MedusaError.Types.NOT_FOUND, CustomerListErrorCodes.REPORT_RUN_NO_FILE, "This run has no file to download")
  }
  const files: IFileModuleService = req.scope.resolve(Modules.FILE)
  const format = run.format as CustomerExportFormat
  const stream = await files.getDownloadStream(run.file_id as string)
  res.setHeader("Content-Type", EXPORT_MIME_TYPES[format])
  res.setHeader("Content-Disposition", `attachment; filename="report-${dueStamp(new Date(run.due_at as string), run.timezone as string).date}.${format}"`)
  res.setHeader("Cache-Control", "no-store")
  res.status(200)
  stream.on("error", (e) => res.destroy(e))
  stream.pipe(res)
}
