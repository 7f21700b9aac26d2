import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreConfirmIdentityClaimResponse } from "../../../../../../../../types/http/claims"
import type { CrmErrorResponse } from "../../../../../../../../types/http/common"
import { confirmIdentityClaimWorkflow } from "../../../../../../../../workflows/identity-claims"
import { answerRefusals } from "../../../../../../../utils/conflict"
import type { StoreConfirmClaimType } from "../../../validators"

/**
 * Confirms the logged-in customer's claim with the code from the e-mail: the guest records under
 * that address, with their orders, become the customer's. 400 wrong code, 404 not their claim,
 * 409 used, replaced, expired or too many wrong codes, 429 too many wrong codes for the address
 * today.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreConfirmClaimType>,
  res: MedusaResponse<StoreConfirmIdentityClaimResponse | CrmErrorResponse>
) => {
  const run = await answerRefusals(res, () =>
    confirmIdentityClaimWorkflow(req.scope).run({
      input: { claim_id: req.params.claim_id, customer_id: req.auth_context.actor_id, code: req.validatedBody.code },
    })
  )
  if (run.ok) {
    res.json({ claim: run.value.result })
  }
}
