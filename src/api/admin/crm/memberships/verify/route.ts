import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyMembershipCode } from "../../../../utils/membership-cards"
import type { AdminVerifyMembershipCardType } from "./middlewares"

/**
 * Medusa's admin authentication is left to this route's own middleware, which accepts an admin
 * or a door scanner key (see `authenticateCardCheck`).
 */
export const AUTHENTICATE = false

/** Door check: is the scanned card valid, expired, cancelled, replaced, or not one this server signed? */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { code } = req.validatedQuery as AdminVerifyMembershipCardType
  res.json(await verifyMembershipCode(req.scope, code))
}
