import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerIdentityResponse } from "../../../../../types/http/identity"
import { readIdentity } from "./helpers"

/**
 * Who this person is across records: whether they are archived, their alternate e-mails, and the
 * other customers that share an address or a phone number with them (possible duplicates, with
 * what matched).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerIdentityResponse>) => {
  res.json({ identity: await readIdentity(req.scope, req.params.id) })
}
