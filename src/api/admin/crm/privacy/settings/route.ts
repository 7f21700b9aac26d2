import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRIVACY_MODULE } from "../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../modules/privacy/service"
import type { PrivacySettingsResponse, UpdatePrivacySettingsPayload } from "../../../../../types/http/privacy"
import { updatePrivacySettingsWorkflow } from "../../../../../workflows/privacy"

/** The store's privacy settings: staff anonymize (default on), customer self-anonymize (default off). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<PrivacySettingsResponse>) => {
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  res.json({ settings: await privacy.getPrivacySettings() })
}

/** Changes the given settings; the others stay. */
export const POST = async (
  req: AuthenticatedMedusaRequest<UpdatePrivacySettingsPayload>,
  res: MedusaResponse<PrivacySettingsResponse>
) => {
  const { result } = await updatePrivacySettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: result })
}
