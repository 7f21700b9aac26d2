import { pipeline } from "node:stream/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { EXPORT_MIME_TYPES } from "../../../../../../lib/customer-list-export"
import { crmError } from "../../../../../../lib/errors"
import { CustomerListErrorCodes, type CustomerExportFormat } from "../../../../../../types/http/customer-list"
import { answerRefusals } from "../../../../../utils/conflict"
import { retrieveExportRow } from "../../helpers"

/** The export when its file can be downloaded; refuses (see the route) when it cannot. */
async function downloadableExport(container: MedusaContainer, id: string) {
  const row = await retrieveExportRow(container, id)
  const expired = row.expires_at && new Date(row.expires_at).getTime() <= Date.now()
  if (row.status !== "done" || !row.file_id || expired) {
    const pending = row.status === "pending" || row.status === "running"
    throw crmError(
      pending ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_FOUND,
      CustomerListErrorCodes.EXPORT_NOT_READY,
      pending
        ? `Export ${row.id} is still being written`
        : `Export ${row.id} has no file (it ${expired || row.status === "expired" ? "expired" : "failed"})`
    )
  }
  return row
}

/**
 * Downloads an export's file (private in the file module), streamed, as an attachment
 * `customers-<export id>.csv|jsonl`. 404 `list_export_not_found`; 409 `list_export_not_ready` while it
 * is being written, 404 `list_export_not_ready` when it failed or expired.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const found = await answerRefusals(res, () => downloadableExport(req.scope, req.params.id))
  if (!found.ok) {
    return
  }
  const row = found.value
  const format = row.format as CustomerExportFormat
  const files: IFileModuleService = req.scope.resolve(Modules.FILE)
  const stream = await files.getDownloadStream(row.file_id)
  res.setHeader("Content-Type", EXPORT_MIME_TYPES[format])
  res.setHeader("Content-Disposition", `attachment; filename="customers-${row.id.toLowerCase()}.${format}"`)
  res.setHeader("Cache-Control", "no-store")
  if (row.size_bytes !== null && row.size_bytes !== undefined) {
    res.setHeader("Content-Length", String(row.size_bytes))
  }
  res.status(200)
  await pipeline(stream, res)
}
