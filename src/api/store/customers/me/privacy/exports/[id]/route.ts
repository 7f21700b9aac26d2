import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IFileModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { crmError } from "../../../../../../../lib/errors"
import { exportFileName } from "../../../../../../../lib/privacy-export"
import { selectRows } from "../../../../../../../lib/queries/sql"
import { PrivacyErrorCodes } from "../../../../../../../types/http/privacy"
import { markExportDownloadedWorkflow } from "../../../../../../../workflows/privacy/export-customer-data"
import { exportNotFound } from "../../../../../../../workflows/privacy/export-steps"
import { answerExportRefusals } from "../helpers"

/**
 * Downloads one of the logged-in customer's exports: 200 with the JSON document as an attachment
 * `customer-export-<id>-<date>.json`. 409 `export_not_ready` while it is being built; 410
 * `export_expired` once its download expired (request a new one); 404 `export_not_found` for an
 * id that is not one of the customer's exports, or an export that could not be built.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await answerExportRefusals(res, async () => {
    const [request] = await selectRows(
      req.scope,
      `SELECT id, status, file_id, expires_at, completed_at FROM privacy_request
        WHERE id = :id AND customer_id = :customer_id AND kind = 'export' AND deleted_at IS NULL`,
      { id: req.params.id, customer_id: req.auth_context.actor_id }
    )
    if (!request) {
      throw exportNotFound()
    }
    if (request.status === "pending") {
      throw crmError(MedusaError.Types.CONFLICT, PrivacyErrorCodes.EXPORT_NOT_READY, "The export is still being built: you get an e-mail when it is ready")
    }
    if (request.status !== "completed") {
      throw exportNotFound("This export could not be built: request a new one")
    }
    const expired = !request.file_id || !request.expires_at || new Date(request.expires_at as string).getTime() <= Date.now()
    if (expired) {
      res.status(410).json({
        type: MedusaError.Types.NOT_ALLOWED,
        code: PrivacyErrorCodes.EXPORT_EXPIRED,
        message: "The download of this export has expired: request a new one",
      })
      return
    }
    const files: IFileModuleService = req.scope.resolve(Modules.FILE)
    const content = await files.getAsBuffer(request.file_id as string)
    await markExportDownloadedWorkflow(req.scope).run({ input: { request_id: request.id as string } })
    res.setHeader("Content-Type", "application/json; charset=utf-8")
    res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(req.auth_context.actor_id, request.completed_at as string)}"`)
    res.setHeader("Cache-Control", "no-store")
    res.status(200).send(content)
  })
}
