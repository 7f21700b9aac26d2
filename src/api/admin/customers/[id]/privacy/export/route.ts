import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportCustomerDataWorkflow } from "../../../../../../workflows/privacy/export-customer-data"
import { actorUserId } from "../../../../../utils/customers"

/**
 * Downloads the customer's data export (GDPR Art. 15 and 20): one JSON document of the person's
 * data in every module (schema `medusa-crm/schemas/customer-export.v1.schema.json`), as an
 * attachment `customer-export-<id>-<date>.json`. Internal notes are in it only while the setting
 * `export_include_notes` is on. Recorded as a completed privacy request (kind `export`, source
 * `admin`, the admin as actor). 403 `privacy_action_disabled` while staff export is off; 404
 * `customer_not_found`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await exportCustomerDataWorkflow(req.scope).run({
    input: { customer_id: req.params.id, actor_id: actorUserId(req.auth_context) },
  })
  res.setHeader("Content-Type", "application/json; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${result.file_name}"`)
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Privacy-Request-Id", result.request_id)
  res.status(200).send(result.body)
}
