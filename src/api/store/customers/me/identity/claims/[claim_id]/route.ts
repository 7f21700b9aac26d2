import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../../../../../lib/errors"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../../../../../../modules/customer-identity"
import { IdentityClaimErrorCodes, type StoreIdentityClaimResponse } from "../../../../../../../types/http/claims"
import { selectFields } from "../../../../../../utils/fields"
import type { StoreGetClaimParamsType } from "../../validators"

/**
 * The logged-in customer's claim, so a storefront can pick a pending claim up again after a
 * reload: `{ claim: { id, email, status, expires_at, attempts_left, created_at } }` (`fields`
 * picks fewer). 404 for anyone else's claim.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetClaimParamsType>,
  res: MedusaResponse<StoreIdentityClaimResponse>
) => {
  const identity: CustomerIdentityModuleService = req.scope.resolve(CUSTOMER_IDENTITY_MODULE)
  const claim = await identity.retrieveStoreIdentityClaim(req.params.claim_id, req.auth_context.actor_id)
  if (!claim) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      IdentityClaimErrorCodes.CLAIM_NOT_FOUND,
      `Claim with id: ${req.params.claim_id} was not found`
    )
  }
  const answer = {
    ...claim,
    expires_at: claim.expires_at.toISOString(),
    created_at: claim.created_at.toISOString(),
  }
  res.json({ claim: { id: claim.id, ...selectFields(answer, req.queryConfig.fields) } })
}
