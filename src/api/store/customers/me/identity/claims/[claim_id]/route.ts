import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../../../../../../modules/customer-identity"

/**
 * The logged-in customer's claim, so a storefront can pick a pending claim up again after a
 * reload: `{ claim: { id, email, status, expires_at, attempts_left, created_at } }`. 404 for
 * anyone else's claim.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const identity: CustomerIdentityModuleService = req.scope.resolve(CUSTOMER_IDENTITY_MODULE)
  const claim = await identity.retrieveStoreIdentityClaim(req.params.claim_id, req.auth_context.actor_id)
  if (!claim) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Claim with id: ${req.params.claim_id} was not found`)
  }
  res.json({ claim })
}
