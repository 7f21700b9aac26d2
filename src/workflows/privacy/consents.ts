import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { noteEvent } from "../../lib/system-notes"
import type { ConsentSource } from "../../types/http/privacy"
import { assertCustomerExistsStep } from "../steps/assert-customer-exists"
import { recordSystemNotesStep } from "../steps/record-system-notes"
import {
  createConsentPurposeStep,
  type CreateConsentPurposeStepInput,
  type RecordedConsent,
  recordConsentChangesStep,
  updateConsentPurposeStep,
  type UpdateConsentPurposeStepInput,
} from "./consent-steps"

export type CreateConsentPurposeWorkflowInput = CreateConsentPurposeStepInput

/**
 * Creates a consent purpose with the text customers agree to (version 1). 409
 * `purpose_handle_taken` when another purpose (archived ones included) has the handle. Emits
 * `crm.consent_purpose.created` `{ id, version }`.
 *
 * @example
 * await createConsentPurposeWorkflow(container).run({
 *   input: { handle: "email_marketing", name: "E-mail marketing", text: "Send me news and offers by e-mail.", created_by: "user_1" },
 * })
 */
export const createConsentPurposeWorkflow = createWorkflow(
  "create-consent-purpose",
  (input: WorkflowData<CreateConsentPurposeWorkflowInput>) => {
    const created = createConsentPurposeStep(input)
    emitEventStep({ eventName: CrmEvents.CONSENT_PURPOSE_CREATED, data: created })
    return new WorkflowResponse(created)
  }
)

export type UpdateConsentPurposeWorkflowInput = UpdateConsentPurposeStepInput

/**
 * Changes a consent purpose: its name, description or rank; a new `text` adds a version (grants
 * keep pointing at the version they were given for); `archived` archives it (no longer offered,
 * its log stays) or brings it back. 404 `purpose_not_found`. Emits `crm.consent_purpose.updated`
 * `{ id, version }`.
 *
 * @example
 * await updateConsentPurposeWorkflow(container).run({ input: { id: "ppur_123", text: "Send me news, offers and surveys by e-mail." } })
 */
export const updateConsentPurposeWorkflow = createWorkflow(
  "update-consent-purpose",
  (input: WorkflowData<UpdateConsentPurposeWorkflowInput>) => {
    const updated = updateConsentPurposeStep(input)
    emitEventStep({
      eventName: CrmEvents.CONSENT_PURPOSE_UPDATED,
      data: transform({ updated }, ({ updated }) => ({ id: updated.id, version: updated.version })),
    })
    return new WorkflowResponse(updated)
  }
)

export type ChangeCustomerConsentsWorkflowInput = {
  customer_id: string
  /** One change per purpose. `text_version`: the version of the text shown (default: the current one). */
  changes: { purpose_id: string; granted: boolean; text_version?: number | null }[]
  source: ConsentSource
  /** The admin user (source admin) or the customer (storefront, checkout); null for an import or an API key. */
  actor_id?: string | null
  /** Why staff changed it (required in the admin route). */
  reason?: string | null
  /** The admin user named as the system note's author. */
  author_id?: string | null
}

const noteBody = (entry: RecordedConsent) =>
  `Consent "${entry.purpose_name}" ${entry.granted ? "granted" : "withdrawn"} (text version ${entry.text_version}, ${entry.source})${
    entry.reason ? `: ${entry.reason}` : ""
  }`

const noteKey = (entry: RecordedConsent) =>
  entry.granted
    ? entry.reason
      ? ("consent_granted_with_reason" as const)
      : ("consent_granted" as const)
    : entry.reason
      ? ("consent_withdrawn_with_reason" as const)
      : ("consent_withdrawn" as const)

/**
 * Grants or withdraws consents of a customer: each change that changes the customer's current
 * state is appended to the consent log (one that changes nothing is not written again), gets a
 * system note on the customer's timeline, and emits `crm.customer_consent.changed`
 * `{ id: customer_id, purpose_id, granted, source, consent_id }` (ids only). 404 unknown customer,
 * 400 `purpose_not_found` for an unknown or archived purpose (nothing is written). Withdrawing is
 * as easy as granting (GDPR Art. 7(3)). Returns the log rows written and the notes' ids.
 *
 * @example
 * await changeCustomerConsentsWorkflow(container).run({
 *   input: { customer_id: "cus_123", changes: [{ purpose_id: "ppur_123", granted: false }], source: "admin", actor_id: "user_1", reason: "Asked by phone" },
 * })
 */
export const changeCustomerConsentsWorkflow = createWorkflow(
  "change-customer-consents",
  (input: WorkflowData<ChangeCustomerConsentsWorkflowInput>) => {
    assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
    const entries = recordConsentChangesStep(
      transform({ input }, ({ input }) =>
        input.changes.map((change) => ({
          customer_id: input.customer_id,
          purpose_id: change.purpose_id,
          granted: change.granted,
          text_version: change.text_version ?? null,
          source: input.source,
          actor_id: input.actor_id ?? null,
          reason: input.reason ?? null,
        }))
      )
    )
    const noteIds = recordSystemNotesStep(
      transform({ input, entries }, ({ input, entries }) =>
        entries.map((entry) => ({
          customer_id: entry.customer_id,
          body: noteBody(entry),
          event: noteEvent(noteKey(entry), {
            purpose: entry.purpose_name,
            version: entry.text_version,
            source: entry.source,
            ...(entry.reason ? { reason: entry.reason } : {}),
          }),
          author_id: input.author_id ?? null,
        }))
      )
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_CONSENT_CHANGED,
      data: transform({ entries }, ({ entries }) =>
        entries.map((entry) => ({
          id: entry.customer_id,
          purpose_id: entry.purpose_id,
          granted: entry.granted,
          source: entry.source,
          consent_id: entry.id,
        }))
      ),
    })
    return new WorkflowResponse(
      transform({ entries, noteIds }, ({ entries, noteIds }) => ({ entries, note_ids: noteIds }))
    )
  }
)
