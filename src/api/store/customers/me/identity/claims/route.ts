import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CrmErrorResponse } from "../../../../../../types/http/common"
import type { StoreCreateIdentityClaimResponse } from "../../../../../../types/http/claims"
import { requestIdentityClaimWorkflow } from "../../../../../../workflows/identity-claims"
import { answerRefusals } from "../../../../../utils/conflict"
import type { StoreRequestClaimType } from "../validators"

/**
 * The logged-in customer claims an e-mail address: a one-time code goes to it. 201 with the claim
 * (id, address, expiry), whether or not anything is filed under the address. 400 for the
 * customer's own primary address, another online account's address or one the customer already
 * claimed (nothing to claim, no code sent);
 * 429 past a claim limit (codes per customer an hour, per address an hour and a day, wrong codes
 * per address a day), with `Retry-After`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRequestClaimType>,
  res: MedusaResponse<StoreCreateIdentityClaimResponse | CrmErrorResponse>
) => {
  const run = await answerRefusals(res, () =>
    requestIdentityClaimWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, email: req.validatedBody.email },
    })
  )
  if (run.ok) {
    const { id, email, status, expires_at } = run.value.result
    res.status(201).json({ claim: { id, email, status, expires_at: new Date(expires_at).toISOString() } })
  }
}
