import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminExportResponse } from "../../../../../types/http/customer-list"
import { refetchExport } from "../helpers"

/** One export with its progress; `download_url` once its file is ready (until it expires). 404 `list_export_not_found`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminExportResponse>) => {
  res.json({ export: await refetchExport(req.scope, req.params.id) })
}
