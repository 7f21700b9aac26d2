import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CrmErrorResponse } from "../../../../../../../types/http/common"
import type { StoreRequestAnonymizeCodeResponse } from "../../../../../../../types/http/privacy"
import { requestAnonymizeCodeWorkflow } from "../../../../../../../workflows/self-anonymize-customer"
import { answerPrivacyRefusals } from "../../helpers"

/**
 * The logged-in customer asks for a one-time code to confirm the anonymization of their data: it
 * goes to their account's e-mail and works for 15 minutes. 201 with its expiry. 403
 * `privacy_action_disabled` while the store does not allow it; 429 `too_many_codes` past three
 * codes an hour, with `Retry-After`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreRequestAnonymizeCodeResponse | CrmErrorResponse>
) => {
  const run = await answerPrivacyRefusals(res, () =>
    requestAnonymizeCodeWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  )
  if (run.ok && run.value) {
    res.status(201).json({ expires_at: new Date(run.value.result.expires_at).toISOString() })
  }
}
