import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CrmErrorResponse } from "../../../../../../types/http/common"
import type { StoreAnonymizeCustomerResponse } from "../../../../../../types/http/privacy"
import { selfAnonymizeCustomerWorkflow } from "../../../../../../workflows/self-anonymize-customer"
import { answerPrivacyRefusals } from "../helpers"
import type { StoreAnonymizeCustomerType } from "../validators"

/**
 * The logged-in customer erases their own data, confirmed with their password or the code from
 * the e-mail: every record of the person is anonymized and their login removed; the token or
 * session used is refused from now on. 200 `{ anonymized: true }`. 400 neither or both; 401
 * `password_invalid`; 403 `code_invalid`, `code_expired`, `too_many_attempts`,
 * `privacy_action_disabled`; 409 `anonymize_refused` (open orders, a legal hold).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAnonymizeCustomerType>,
  res: MedusaResponse<StoreAnonymizeCustomerResponse | CrmErrorResponse>
) => {
  const run = await answerPrivacyRefusals(res, () =>
    selfAnonymizeCustomerWorkflow(req.scope).run({
      input: {
        customer_id: req.auth_context.actor_id,
        auth_identity_id: req.auth_context.auth_identity_id,
        password: req.validatedBody.password,
        code: req.validatedBody.code,
      },
    })
  )
  if (run.ok && run.value) {
    res.json({ anonymized: true })
  }
}
