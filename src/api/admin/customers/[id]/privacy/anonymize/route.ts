import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatPrivacyRequest, loadCustomerPrivacy } from "../../../../../../lib/privacy"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"
import type { AnonymizeCustomerPayload, AnonymizeCustomerResponse } from "../../../../../../types/http/privacy"
import { anonymizeCustomerWorkflow } from "../../../../../../workflows/privacy"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"

/**
 * Anonymizes the customer and every record of the person, for good, once the admin typed the
 * confirmation (400 without it, nothing written). 409 `anonymize_refused` with the reasons (open
 * orders, legal hold, already anonymized, a pending request), 403 `privacy_action_disabled` when
 * staff anonymize is off, 404 unknown customer. Refusals are recorded as requests too.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AnonymizeCustomerPayload>,
  res: MedusaResponse<AnonymizeCustomerResponse>
) => {
  const run = await answerRefusals(res, () =>
    anonymizeCustomerWorkflow(req.scope).run({
      input: { customer_id: req.params.id, source: "admin", actor_id: actorUserId(req.auth_context) },
    })
  )
  if (run.ok) {
    const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
    const request = await privacy.retrievePrivacyRequest(run.value.result.request_id)
    res.json({
      request: formatPrivacyRequest(request as any),
      privacy: await loadCustomerPrivacy(req.scope, req.params.id),
    })
  }
}
