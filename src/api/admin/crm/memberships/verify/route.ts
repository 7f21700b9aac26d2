import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipVerifyResponse } from "../../../../../types/http/memberships"
import { verifyMembershipCode } from "../../../../utils/membership-cards"
import type { AdminVerifyMembershipCardType } from "./validators"

/**
 * Medusa's admin authentication is left to this route's own middleware, which accepts an admin
 * or a door scanner key (see `authenticateCardCheck`).
 */
export const AUTHENTICATE = false

/** Door check: is the scanned card valid, expired, cancelled, replaced, or not one this server signed? */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminVerifyMembershipCardType>,
  res: MedusaResponse<MembershipVerifyResponse>
) => {
  res.json(await verifyMembershipCode(req.scope, req.validatedQuery.code))
}
