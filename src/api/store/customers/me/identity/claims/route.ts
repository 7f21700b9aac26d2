import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestIdentityClaimWorkflow } from "../../../../../../workflows/identity-claims"
import { answerTooManyRequests } from "../../../../../utils/too-many-requests"
import type { StoreRequestClaimType } from "../validators"

/**
 * The logged-in customer claims an e-mail address: a one-time code goes to it. 201 with the claim
 * (id, address, expiry), whether or not anything is filed under the address. 400 for another
 * online account's address or one the customer already claimed (nothing to claim, no code sent);
 * 429 past a claim limit (codes per customer an hour, per address an hour and a day, wrong codes
 * per address a day), with `Retry-After`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRequestClaimType>, res: MedusaResponse) => {
  await answerTooManyRequests(res, async () => {
    const { result } = await requestIdentityClaimWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, email: req.validatedBody.email },
    })
    res.status(201).json({ claim: result })
  })
}
