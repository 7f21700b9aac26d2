import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyMembershipCode } from "../../../../utils/memberships"
import type { AdminVerifyMembershipCardType } from "./middlewares"

/** Door check: is the scanned card valid, expired, cancelled, or not one this server signed? */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { code } = req.validatedQuery as AdminVerifyMembershipCardType
  res.json(await verifyMembershipCode(req.scope, code))
}
