import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdatePrivacySettingsPayload } from "../../types/http/privacy"
import { updatePrivacySettingsStep } from "./steps"

/**
 * Changes the store's privacy settings (staff anonymize, customer self-anonymize); settings left
 * out stay as they are. Returns all settings.
 *
 * @example
 * await updatePrivacySettingsWorkflow(container).run({ input: { customer_self_anonymize: true } })
 */
export const updatePrivacySettingsWorkflow = createWorkflow(
  "update-privacy-settings",
  (input: WorkflowData<UpdatePrivacySettingsPayload>) => {
    const settings = updatePrivacySettingsStep(input)
    return new WorkflowResponse(settings)
  }
)
