import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestIdentityClaimWorkflow } from "../../../../../../workflows/identity-claims"
import type { StoreRequestClaimType } from "../validators"

/**
 * The logged-in customer claims an e-mail address: a one-time code goes to it. 201 with the claim
 * (id, address, expiry), whether or not anything is filed under the address. 400 after too many
 * codes in an hour.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRequestClaimType>, res: MedusaResponse) => {
  const { result } = await requestIdentityClaimWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, email: req.validatedBody.email },
  })
  res.status(201).json({ claim: result })
}
