import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatStoreExport } from "../../../../../../lib/privacy-export"
import { selectRows } from "../../../../../../lib/queries/sql"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"
import type { PrivacyRequestRow } from "../../../../../../modules/privacy/service"
import type { CrmErrorResponse } from "../../../../../../types/http/common"
import type { StoreCustomerExportsResponse, StoreRequestExportResponse } from "../../../../../../types/http/privacy"
import { requestCustomerExportWorkflow } from "../../../../../../workflows/privacy/export-customer-data"
import { answerExportRefusals } from "./helpers"
import type { StoreGetExportsParamsType } from "./validators"

/**
 * The logged-in customer asks for an export of their data: 202 with the export (pending); it is
 * built in the background and an e-mail tells them when it can be downloaded. 403
 * `privacy_action_disabled` while the store does not allow it; 429 `too_many_exports` past
 * `EXPORT_REQUESTS_PER_DAY` in 24 hours, with `Retry-After`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreRequestExportResponse | CrmErrorResponse>
) => {
  const run = await answerExportRefusals(res, () =>
    requestCustomerExportWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  )
  if (run.ok && run.value) {
    const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
    const request = await privacy.retrievePrivacyRequest(run.value.result.request_id)
    res.status(202).json({ export: formatStoreExport(request as unknown as PrivacyRequestRow) })
  }
}

/** The logged-in customer's exports (requested in the storefront or not), newest first, a page at a time. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetExportsParamsType>,
  res: MedusaResponse<StoreCustomerExportsResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const values = { id: req.auth_context.actor_id, limit, offset }
  const [rows, [{ count }]] = await Promise.all([
    selectRows(
      req.scope,
      `SELECT id, status, created_at, completed_at, expires_at, size_bytes FROM privacy_request
        WHERE customer_id = :id AND kind = 'export' AND deleted_at IS NULL
        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset`,
      values
    ),
    selectRows(
      req.scope,
      `SELECT COUNT(*)::int AS count FROM privacy_request WHERE customer_id = :id AND kind = 'export' AND deleted_at IS NULL`,
      values
    ),
  ])
  res.json({
    exports: rows.map((r) => formatStoreExport(r as unknown as PrivacyRequestRow)),
    count: Number(count),
    offset,
    limit,
  })
}
