import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRIVACY_MODULE } from "../../modules/privacy"
import type PrivacyModuleService from "../../modules/privacy/service"
import type { ConsentChange, ConsentLogRow, ConsentPurposeBefore } from "../../modules/privacy/service"

export type CreateConsentPurposeStepInput = {
  handle: string
  name: string
  description?: string | null
  text: string
  rank?: number
  created_by?: string | null
}

export const createConsentPurposeStepId = "create-consent-purpose"

/** Creates a purpose with its first text (409 `purpose_handle_taken`); the compensation removes both. */
export const createConsentPurposeStep = createStep(
  createConsentPurposeStepId,
  async (input: CreateConsentPurposeStepInput, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const purpose = await privacy.createConsentPurpose(input)
    return new StepResponse({ id: purpose.id, version: purpose.current_version }, purpose.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.removeNewConsentPurpose(id)
  }
)

export type UpdateConsentPurposeStepInput = {
  id: string
  name?: string
  description?: string | null
  text?: string
  rank?: number
  archived?: boolean
  updated_by?: string | null
}

export const updateConsentPurposeStepId = "update-consent-purpose"

/**
 * Changes a purpose; a new text adds a version (404 `purpose_not_found`). The compensation puts
 * the purpose back as it was and removes the version it added.
 */
export const updateConsentPurposeStep = createStep(
  updateConsentPurposeStepId,
  async ({ id, ...input }: UpdateConsentPurposeStepInput, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const { before, added_version } = await privacy.updateConsentPurpose(id, input)
    return new StepResponse(
      { id, version: added_version ?? before.current_version, added_version },
      { before, added_version }
    )
  },
  async (undo: { before: ConsentPurposeBefore; added_version: number | null } | undefined, { container }) => {
    if (!undo) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.restoreConsentPurpose(undo.before, undo.added_version)
  }
)

/** A log row written, with the purpose's name (for the timeline). */
export type RecordedConsent = ConsentLogRow & { purpose_name: string }

export const recordConsentChangesStepId = "record-consent-changes"

/**
 * Writes the grants and withdrawals that change the customer's state into the consent log (see
 * `recordConsentChanges`: a change that changes nothing is not written again; 400
 * `purpose_not_found` for an unknown or archived purpose, with nothing written). The compensation
 * removes the rows it wrote.
 */
export const recordConsentChangesStep = createStep(
  recordConsentChangesStepId,
  async (changes: ConsentChange[], { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const rows = await privacy.recordConsentChanges(changes)
    const { purposes } = await privacy.listConsentPurposesWithText({ ids: [...new Set(rows.map((r) => r.purpose_id))] })
    const names = new Map(purposes.map((p) => [p.id, p.name]))
    const recorded: RecordedConsent[] = rows.map((row) => ({ ...row, purpose_name: names.get(row.purpose_id) ?? row.purpose_id }))
    return new StepResponse(
      recorded,
      rows.map((r) => r.id)
    )
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.removeConsentEntries(ids)
  }
)
