import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdatePrivacySettingsPayload } from "../../types/http/privacy"
import { validatePrivacySettingsStep } from "../steps/validate-privacy-settings"
import { updatePrivacySettingsStep } from "./steps"

/**
 * Changes the store's privacy settings: who may export and anonymize (staff, customers
 * themselves), whether exports include internal notes, and the retention policy (on/off, period,
 * exempting consent purposes). Settings left out stay as they are. Refuses (400
 * `purpose_not_found`) exempting purposes that do not exist or are archived, writing nothing.
 * Returns all settings.
 *
 * @example
 * await updatePrivacySettingsWorkflow(container).run({
 *   input: { retention_enabled: true, retention_months: 24, retention_exempt_purpose_ids: ["ppur_123"] },
 * })
 */
export const updatePrivacySettingsWorkflow = createWorkflow(
  "update-privacy-settings",
  (input: WorkflowData<UpdatePrivacySettingsPayload>) => {
    validatePrivacySettingsStep(input)
    const settings = updatePrivacySettingsStep(input)
    return new WorkflowResponse(settings)
  }
)
