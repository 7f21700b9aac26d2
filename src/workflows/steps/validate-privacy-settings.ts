import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { PRIVACY_MODULE } from "../../modules/privacy"
import type PrivacyModuleService from "../../modules/privacy/service"
import { PrivacyErrorCodes, type UpdatePrivacySettingsPayload } from "../../types/http/privacy"

export const validatePrivacySettingsStepId = "validate-privacy-settings"

/**
 * Checks what the validator cannot: every consent purpose that is to exempt customers from the
 * retention policy exists and is not archived. 400 `purpose_not_found` naming the first unknown
 * id, before anything is written. Writes nothing.
 */
export const validatePrivacySettingsStep = createStep(
  validatePrivacySettingsStepId,
  async (input: UpdatePrivacySettingsPayload, { container }) => {
    const ids = input.retention_exempt_purpose_ids ?? []
    if (ids.length) {
      const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
      const purposes = await privacy.listPrivacyConsentPurposes(
        { id: ids, archived_at: null },
        { select: ["id"], take: null }
      )
      const known = new Set(purposes.map((p) => p.id))
      const unknown = ids.find((id) => !known.has(id))
      if (unknown) {
        throw crmError(
          MedusaError.Types.INVALID_DATA,
          PrivacyErrorCodes.PURPOSE_NOT_FOUND,
          `retention_exempt_purpose_ids: no active consent purpose with id ${unknown}`
        )
      }
    }
    return new StepResponse(ids.length)
  }
)
