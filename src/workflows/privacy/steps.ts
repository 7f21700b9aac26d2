import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  anonymizeWithHandlers,
  deleteWithHandlers,
  inCustomerDataTransaction,
  removeReleasedFiles,
} from "../../lib/customer-data"
import { resolvePerson } from "../../lib/customer-data/person"
import { crmError } from "../../lib/errors"
import { privacyBlockers } from "../../lib/privacy"
import { PRIVACY_MODULE } from "../../modules/privacy"
import { completePrivacyRequestIn, logErasures } from "../../modules/privacy/erasure-log"
import type PrivacyModuleService from "../../modules/privacy/service"
import type { PrivacyLegalHoldRow, PrivacySettingsValues } from "../../modules/privacy/service"
import {
  PrivacyErrorCodes,
  type PrivacyRequestKind,
  type PrivacyRequestSource,
} from "../../types/http/privacy"

/**
 * The lock of a privacy request: the same key as merges (`crm-merge:<id>`), so a merge and a
 * privacy request of one customer queue up instead of running side by side.
 */
export const privacyLockKey = (customerId: string) => [`crm-merge:${customerId}`]

export const createPrivacyRequestStepId = "create-privacy-request"

/**
 * Records the request (pending). Its compensation does not remove it: a request that broke off is
 * kept as `failed` (ids only), so the customer's list of requests shows every attempt. A request
 * refused or completed meanwhile stays as it is.
 */
export const createPrivacyRequestStep = createStep(
  createPrivacyRequestStepId,
  async (
    input: { customer_id: string; kind: PrivacyRequestKind; source: PrivacyRequestSource; actor_id?: string | null },
    { container }
  ) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const request = await privacy.openPrivacyRequest(input)
    return new StepResponse(request, request.id)
  },
  async (requestId, { container }) => {
    if (!requestId) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.failPrivacyRequest(requestId)
  }
)

export const checkPrivacyGuardsStepId = "check-privacy-guards"

/**
 * Refuses the request while anything blocks it (see `privacyBlockers`): the request is marked
 * `refused` with the first blocker's code, then 403 `privacy_action_disabled` when the settings do
 * not allow it, else 409 `anonymize_refused` / `delete_refused` with every reason. Returns the
 * person's record ids (ids only: step results may be kept in the workflow engine's records).
 */
export const checkPrivacyGuardsStep = createStep(
  checkPrivacyGuardsStepId,
  async (
    input: { customer_id: string; kind: PrivacyRequestKind; source: PrivacyRequestSource; request_id: string },
    { container }
  ) => {
    const person = await resolvePerson(container, input.customer_id)
    const blockers = await privacyBlockers(container, person, input.kind, {
      source: input.source,
      request_id: input.request_id,
    })
    if (blockers.length) {
      const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
      const disabled = blockers.find((b) => b.code === "action_disabled")
      await privacy.refusePrivacyRequest(input.request_id, (disabled ?? blockers[0]).code)
      if (disabled) {
        throw crmError(MedusaError.Types.FORBIDDEN, PrivacyErrorCodes.PRIVACY_ACTION_DISABLED, disabled.message)
      }
      const message = blockers.map((b) => b.message).join(" ")
      throw input.kind === "anonymize"
        ? crmError(MedusaError.Types.CONFLICT, PrivacyErrorCodes.ANONYMIZE_REFUSED, `Cannot anonymize: ${message}`)
        : crmError(MedusaError.Types.CONFLICT, PrivacyErrorCodes.DELETE_REFUSED, `Cannot delete: ${message}`)
    }
    return new StepResponse({ customer_ids: person.customer_ids })
  }
)

export const anonymizePersonStepId = "anonymize-person"

/**
 * Anonymizes the person (every record of theirs, resolved again inside the transaction) through
 * every registered customer-data handler, adds each record to the erasure log and completes the
 * request: all in ONE database transaction, so a failure (or a crash) leaves the person whole and
 * the request pending, to be marked failed. Anonymization is irreversible by design: once the
 * transaction committed, there is nothing a compensation could restore, so this step has none; a
 * failure before the commit is undone by the transaction's rollback.
 */
export const anonymizePersonStep = createStep(
  anonymizePersonStepId,
  async (input: { customer_id: string; request_id: string }, { container }) => {
    const result = await inCustomerDataTransaction(container, async (ctx) => {
      const person = await resolvePerson(ctx.sql, input.customer_id)
      const effects = await anonymizeWithHandlers(ctx, person)
      await logErasures(ctx.sql, person.customer_ids, "anonymized", input.request_id)
      await completePrivacyRequestIn(ctx.sql, input.request_id, person.customer_ids.length)
      return { file_ids: effects.file_ids, customer_ids: person.customer_ids }
    })
    return new StepResponse({ ...result, record_count: result.customer_ids.length })
  }
)

export const deletePersonStepId = "delete-person"

/**
 * Deletes every record of the person for good through every registered handler (the plugin's,
 * Medusa's, the host app's: Medusa's handler removes the customer row itself), adds each record
 * to the erasure log (`deleted`) and completes the request, in ONE transaction. Irreversible: no
 * compensation beyond the transaction's rollback.
 */
export const deletePersonStep = createStep(
  deletePersonStepId,
  async (input: { customer_id: string; request_id: string }, { container }) => {
    const result = await inCustomerDataTransaction(container, async (ctx) => {
      const person = await resolvePerson(ctx.sql, input.customer_id)
      const effects = await deleteWithHandlers(ctx, person.customer_ids)
      await logErasures(ctx.sql, person.customer_ids, "deleted", input.request_id)
      await completePrivacyRequestIn(ctx.sql, input.request_id, person.customer_ids.length)
      return { file_ids: effects.file_ids, customer_ids: person.customer_ids }
    })
    return new StepResponse({ ...result, record_count: result.customer_ids.length })
  }
)

export const removeErasedFilesStepId = "remove-erased-files"

/** Removes the files the handlers released (a photo) once their transaction committed. Nothing to undo. */
export const removeErasedFilesStep = createStep(removeErasedFilesStepId, async (fileIds: string[], { container }) => {
  await removeReleasedFiles(container, fileIds)
  return new StepResponse(fileIds.length)
})

export const setLegalHoldStepId = "set-legal-hold"

/** Puts the customer on legal hold (or changes the reason); the compensation puts the hold back as it was. */
export const setLegalHoldStep = createStep(
  setLegalHoldStepId,
  async (input: { customer_id: string; reason: string; actor_id?: string | null }, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const before = await privacy.setLegalHold(input.customer_id, input.reason, input.actor_id ?? null)
    return new StepResponse(input.customer_id, { customer_id: input.customer_id, before })
  },
  async (undo: { customer_id: string; before: PrivacyLegalHoldRow | null } | undefined, { container }) => {
    if (!undo) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.restoreLegalHold(undo.customer_id, undo.before)
  }
)

export const liftLegalHoldStepId = "lift-legal-hold"

/** Lifts the customer's legal hold; the compensation sets it again. */
export const liftLegalHoldStep = createStep(
  liftLegalHoldStepId,
  async (customerId: string, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const lifted = await privacy.liftLegalHold(customerId)
    return new StepResponse(customerId, { customer_id: customerId, lifted })
  },
  async (undo: { customer_id: string; lifted: PrivacyLegalHoldRow | null } | undefined, { container }) => {
    if (!undo?.lifted) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.restoreLegalHold(undo.customer_id, undo.lifted)
  }
)

export const updatePrivacySettingsStepId = "update-privacy-settings"

/**
 * Changes the store's privacy settings; the compensation sets the previous values of the settings
 * it changed again (only those: a setting another admin changed meanwhile stays as they set it).
 */
export const updatePrivacySettingsStep = createStep(
  updatePrivacySettingsStepId,
  async (input: Partial<PrivacySettingsValues>, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const current = await privacy.getPrivacySettings()
    const before = Object.fromEntries(
      Object.keys(input)
        .filter((key) => key in current && input[key as keyof PrivacySettingsValues] !== undefined)
        .map((key) => [key, current[key as keyof PrivacySettingsValues]])
    ) as Partial<PrivacySettingsValues>
    const after = await privacy.setPrivacySettings(input)
    return new StepResponse(after, before)
  },
  async (before: Partial<PrivacySettingsValues> | undefined, { container }) => {
    if (!before) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.setPrivacySettings(before)
  }
)
