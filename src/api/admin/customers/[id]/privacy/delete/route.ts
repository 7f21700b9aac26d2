import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatPrivacyRequest } from "../../../../../../lib/privacy"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"
import type { DeleteCustomerPayload, DeleteCustomerResponse } from "../../../../../../types/http/privacy"
import { deleteCustomerPermanentlyWorkflow } from "../../../../../../workflows/privacy"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"

/**
 * Deletes the customer and every record of the person for good, once the admin typed the
 * confirmation (400 without it). Only without orders: 409 `delete_refused` says to anonymize
 * instead (also on legal hold or while another request runs). 404 unknown customer.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<DeleteCustomerPayload>,
  res: MedusaResponse<DeleteCustomerResponse>
) => {
  const run = await answerRefusals(res, () =>
    deleteCustomerPermanentlyWorkflow(req.scope).run({
      input: { customer_id: req.params.id, source: "admin", actor_id: actorUserId(req.auth_context) },
    })
  )
  if (run.ok) {
    const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
    const request = await privacy.retrievePrivacyRequest(run.value.result.request_id)
    res.json({ request: formatPrivacyRequest(request as any), deleted: true })
  }
}
