import { MedusaService } from "@medusajs/framework/utils"
import { PrivacyCode } from "./models/privacy-code"
import { PrivacyErasure } from "./models/privacy-erasure"
import { PrivacyLegalHold } from "./models/privacy-legal-hold"
import { PrivacyRequest } from "./models/privacy-request"
import { PrivacySetting } from "./models/privacy-setting"

/**
 * Privacy: requests to anonymize or delete customers and their outcome, the erasure log (ids
 * only), legal holds, one-time codes for storefront self-anonymization, and the store's privacy
 * settings.
 */
class PrivacyModuleService extends MedusaService({
  PrivacyRequest,
  PrivacyErasure,
  PrivacyLegalHold,
  PrivacyCode,
  PrivacySetting,
}) {}

export default PrivacyModuleService
