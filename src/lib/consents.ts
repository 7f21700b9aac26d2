import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PRIVACY_MODULE } from "../modules/privacy"
import type PrivacyModuleService from "../modules/privacy/service"
import type { ConsentLogRow, ConsentPurposeRow, ConsentTextRow } from "../modules/privacy/service"
import {
  type ConsentLogEntry,
  type ConsentPurpose,
  type ConsentText,
  type CustomerConsent,
  PrivacyErrorCodes,
} from "../types/http/privacy"
import { crmError } from "./errors"

/** How many log rows `GET /admin/customers/:id/consents` answers at most (newest first). */
export const CONSENT_HISTORY_MAX = 500

/** How many purposes one storefront request may change at once. */
export const CONSENT_CHANGES_MAX = 50

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

export const formatConsentPurpose = (row: ConsentPurposeRow): ConsentPurpose => ({
  id: row.id,
  handle: row.handle,
  name: row.name,
  description: row.description ?? null,
  version: Number(row.current_version),
  text: row.text,
  archived_at: iso(row.archived_at),
  rank: Number(row.rank),
  created_at: iso(row.created_at)!,
  updated_at: iso(row.updated_at)!,
})

export const formatConsentText = (row: ConsentTextRow): ConsentText => ({
  version: Number(row.version),
  text: row.text,
  created_by: row.created_by ?? null,
  created_at: iso(row.created_at)!,
})

export const formatConsentLogEntry = (row: ConsentLogRow): ConsentLogEntry => ({
  id: row.id,
  customer_id: row.customer_id,
  purpose_id: row.purpose_id,
  granted: !!row.granted,
  source: row.source,
  actor_id: row.actor_id ?? null,
  text_version: Number(row.text_version),
  reason: row.reason ?? null,
  occurred_at: iso(row.occurred_at)!,
})

/** A purpose with the customer's newest log row for it (or none). */
export const customerConsent = (purpose: ConsentPurposeRow, current: ConsentLogRow | undefined): CustomerConsent => {
  const formatted = formatConsentPurpose(purpose)
  const entry = current ? formatConsentLogEntry(current) : null
  return {
    purpose: formatted,
    granted: entry ? entry.granted : null,
    current: entry,
    outdated: !!entry?.granted && entry.text_version < formatted.version,
  }
}

const purposeNotFound = (type: typeof MedusaError.Types.NOT_FOUND | typeof MedusaError.Types.INVALID_DATA, what: string) =>
  crmError(type, PrivacyErrorCodes.PURPOSE_NOT_FOUND, `Consent purpose ${what} was not found or is archived`)

/** A purpose with every version of its text (newest first). 404 `purpose_not_found`. */
export async function loadConsentPurpose(container: MedusaContainer, id: string) {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const {
    purposes: [purpose],
  } = await privacy.listConsentPurposesWithText({ ids: [id] })
  if (!purpose) {
    throw crmError(MedusaError.Types.NOT_FOUND, PrivacyErrorCodes.PURPOSE_NOT_FOUND, `Consent purpose with id: ${id} was not found`)
  }
  const versions = await privacy.listConsentTextVersions(id)
  return { purpose: formatConsentPurpose(purpose), versions: versions.map(formatConsentText) }
}

/**
 * The live purposes with these ids (admin) or handles (storefront); 400 `purpose_not_found` naming
 * the first that is unknown or archived.
 */
export async function resolveLivePurposes(
  container: MedusaContainer,
  by: { ids: string[] } | { handles: string[] }
): Promise<ConsentPurposeRow[]> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const wanted = "ids" in by ? by.ids : by.handles
  const { purposes } = await privacy.listConsentPurposesWithText({ ...by, archived: false })
  const found = new Set(purposes.map((p) => ("ids" in by ? p.id : p.handle)))
  const missing = wanted.find((key) => !found.has(key))
  if (missing !== undefined) {
    throw purposeNotFound(MedusaError.Types.INVALID_DATA, missing)
  }
  return purposes
}

/**
 * Every live purpose with the customer's current consent (their newest log row for it), in the
 * purposes' order; with `history`, the customer's log too (newest first, at most
 * `CONSENT_HISTORY_MAX` rows).
 */
export async function loadCustomerConsents(
  container: MedusaContainer,
  customerId: string,
  options: { history?: boolean } = {}
): Promise<{ consents: CustomerConsent[]; history?: ConsentLogEntry[] }> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const [{ purposes }, current, history] = await Promise.all([
    privacy.listConsentPurposesWithText({ archived: false }),
    privacy.listCurrentConsents(customerId),
    options.history ? privacy.listConsentLog([customerId], CONSENT_HISTORY_MAX) : Promise.resolve(null),
  ])
  const byPurpose = new Map(current.map((row) => [row.purpose_id, row]))
  return {
    consents: purposes.map((purpose) => customerConsent(purpose, byPurpose.get(purpose.id))),
    ...(history ? { history: history.map(formatConsentLogEntry) } : {}),
  }
}

/** The customer's current consent for one purpose (live or archived). */
export async function loadCustomerConsent(container: MedusaContainer, customerId: string, purposeId: string) {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const [{ purposes }, current] = await Promise.all([
    privacy.listConsentPurposesWithText({ ids: [purposeId] }),
    privacy.listCurrentConsents(customerId),
  ])
  if (!purposes[0]) {
    throw purposeNotFound(MedusaError.Types.NOT_FOUND, purposeId)
  }
  return customerConsent(
    purposes[0],
    current.find((row) => row.purpose_id === purposeId)
  )
}
