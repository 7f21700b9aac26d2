import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadCustomerPrivacy } from "../../../../../lib/privacy"
import type { CustomerPrivacyResponse } from "../../../../../types/http/privacy"

/**
 * The customer's privacy: anonymized or not, the legal hold, the person's records and what each
 * customer-data handler holds about them, whether anonymize and delete are allowed (with what
 * blocks them), and the privacy requests, newest first. 404 unknown customer.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerPrivacyResponse>) => {
  res.json({ privacy: await loadCustomerPrivacy(req.scope, req.params.id) })
}
