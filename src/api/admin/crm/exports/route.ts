import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminExportListResponse, AdminExportResponse } from "../../../../types/http/customer-list"
import { createListExportWorkflow } from "../../../../workflows/list-exports"
import { actorUserId } from "../../../utils/customers"
import { listExports, refetchExport } from "./helpers"
import type { AdminCreateExportBodyType, AdminGetExportsParamsType } from "./validators"

/** Past exports of the CRM list, newest first: who exported what (filter, columns) and when. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetExportsParamsType>,
  res: MedusaResponse<AdminExportListResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const { exports, count } = await listExports(req.scope, { limit, offset })
  res.json({ exports, count, limit, offset })
}

/**
 * Exports the CRM list (a filter, a selection of ids or a segment) with the chosen columns as CSV
 * or JSON Lines. Answers 202 with the pending export at once; the worker writes the file and the
 * admin polls `GET /admin/crm/exports/:id` for progress and the download link.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateExportBodyType>,
  res: MedusaResponse<AdminExportResponse>
) => {
  const { filter, ids, segment_id, columns, format } = req.validatedBody
  const { result } = await createListExportWorkflow(req.scope).run({
    input: { filter, ids, segment_id, columns, format, created_by: actorUserId(req.auth_context) },
  })
  res.status(202).json({ export: await refetchExport(req.scope, result.id) })
}
