import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRIVACY_MODULE } from "../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../modules/privacy/service"
import type { PrivacySettingsResponse, UpdatePrivacySettingsPayload } from "../../../../../types/http/privacy"
import { updatePrivacySettingsWorkflow } from "../../../../../workflows/privacy"

/**
 * The store's privacy settings: staff export and anonymize (default on), customer self-export and
 * self-anonymize (default off), exports with internal notes (default off), the retention policy
 * (default off, 36 months, no exempting purposes).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<PrivacySettingsResponse>) => {
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  res.json({ settings: await privacy.getPrivacySettings() })
}

/**
 * Changes the given settings; the others stay. 400 `invalid_data` for an unknown setting, a wrong
 * type or a period out of range, 400 `purpose_not_found` for an exempting purpose that does not
 * exist or is archived: nothing is written then.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<UpdatePrivacySettingsPayload>,
  res: MedusaResponse<PrivacySettingsResponse>
) => {
  const { result } = await updatePrivacySettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: result })
}
