import { AsyncLocalStorage } from "node:async_hooks"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ConsentSource } from "../types/http/privacy"
import { changeCustomerConsentsWorkflow } from "../workflows/privacy/consents"
import { PRIVACY_MODULE } from "../modules/privacy"
import type PrivacyModuleService from "../modules/privacy/service"
import { CUSTOMER_NOTE_MODULE } from "../modules/customer-note"
import type CustomerNoteModuleService from "../modules/customer-note/service"
import { crmError } from "./errors"
import { PrivacyErrorCodes } from "../types/http/privacy"

/**
 * Consents a storefront sent with a registration (`POST /store/customers`,
 * `additional_data.consents`), checked and resolved to purpose ids before the customer is
 * created. `used` is set once they are recorded, so they are recorded for one customer only.
 */
export type PendingRegistrationConsents = {
  source: Extract<ConsentSource, "storefront" | "checkout">
  changes: { purpose_id: string; granted: boolean; text_version: number | null }[]
  used: boolean
}

/**
 * Hands the registration's consents from the request to the customer creation it runs. Medusa's
 * `POST /store/customers` passes neither `additional_data` nor a hook of its own to
 * `createCustomerAccountWorkflow`; the account workflow runs `createCustomersWorkflow`, whose
 * `customersCreated` hook records them within the same request.
 */
export const registrationConsentsContext = new AsyncLocalStorage<PendingRegistrationConsents>()

/** What `recordRegistrationConsents` wrote, for the hook's compensation. */
export type RegistrationConsentsUndo = { consent_ids: string[]; note_ids: string[] }

/**
 * Records the pending registration consents for the customer just created, in the customer
 * creation's event group (the event goes out only if the registration completes). Nothing pending:
 * null.
 */
export async function recordRegistrationConsents(
  container: MedusaContainer,
  customers: { id: string; has_account?: boolean | null }[],
  eventGroupId: string | undefined
): Promise<RegistrationConsentsUndo | null> {
  const pending = registrationConsentsContext.getStore()
  if (!pending || pending.used || !pending.changes.length) {
    return null
  }
  if (customers.length !== 1) {
    throw crmError(MedusaError.Types.INVALID_DATA, PrivacyErrorCodes.INVALID_DATA, "Consents can be given for one new customer at a time")
  }
  pending.used = true
  const customerId = customers[0].id
  const { result } = await changeCustomerConsentsWorkflow(container).run({
    input: { customer_id: customerId, changes: pending.changes, source: pending.source, actor_id: customerId },
    context: { eventGroupId, preventReleaseEvents: true },
  })
  return { consent_ids: result.entries.map((e) => e.id), note_ids: result.note_ids }
}

/** Removes what `recordRegistrationConsents` wrote (the registration was rolled back). */
export async function undoRegistrationConsents(container: MedusaContainer, undo: RegistrationConsentsUndo | null | undefined) {
  if (!undo) {
    return
  }
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  await privacy.removeConsentEntries(undo.consent_ids)
  if (undo.note_ids.length) {
    await notes.deleteCustomerNotes(undo.note_ids)
  }
}
