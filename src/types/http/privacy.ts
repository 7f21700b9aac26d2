/**
 * Privacy: consents with proof, the data export (GDPR Art. 15 and 20), anonymizing and deleting a
 * customer (Art. 17), legal holds, the retention policy, the requests log and the store's privacy
 * settings. Requests, retention runs and the erasure log hold ids only.
 */

/** The stable `code` of every refusal of the privacy routes (admin and storefront). */
export const PrivacyErrorCodes = {
  /** The body or query failed validation, or the confirmation word is missing or wrong (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** Something blocks the anonymization (open orders, a legal hold, already anonymized, a pending
   * request): the message lists the blockers, `GET …/privacy` gives their codes (409). */
  ANONYMIZE_REFUSED: "anonymize_refused",
  /** The customer (or another record of the person) has orders, or is on legal hold: anonymize instead (409). */
  DELETE_REFUSED: "delete_refused",
  /** The privacy settings do not allow this (staff anonymize or customer self-anonymize is off) (403). */
  PRIVACY_ACTION_DISABLED: "privacy_action_disabled",
  /** Storefront: the password given to confirm is wrong (401). */
  PASSWORD_INVALID: "password_invalid",
  /** Storefront: the one-time code is wrong or already used (403). */
  CODE_INVALID: "code_invalid",
  /** Storefront: the one-time code has expired; ask for a new one (403). */
  CODE_EXPIRED: "code_expired",
  /** Storefront: too many wrong attempts at the code; ask for a new one (403). */
  TOO_MANY_ATTEMPTS: "too_many_attempts",
  /** Storefront: too many codes asked for in a short time (429). */
  TOO_MANY_CODES: "too_many_codes",
  /** No consent purpose with that id or handle, or it is archived (404 for an id in the path, 400 in a body). */
  PURPOSE_NOT_FOUND: "purpose_not_found",
  /** Another purpose has that handle (409). */
  PURPOSE_HANDLE_TAKEN: "purpose_handle_taken",
  /** No export (or privacy request) with that id for this customer (404). */
  EXPORT_NOT_FOUND: "export_not_found",
  /** The export's download has expired; request a new one (410). */
  EXPORT_EXPIRED: "export_expired",
  /** The export is still being built (409). */
  EXPORT_NOT_READY: "export_not_ready",
  /** Storefront: too many exports requested in a day (429). */
  TOO_MANY_EXPORTS: "too_many_exports",
  /** A retention run is already going (409). */
  RETENTION_RUNNING: "retention_running",
} as const
export type PrivacyErrorCode = (typeof PrivacyErrorCodes)[keyof typeof PrivacyErrorCodes]

/** Why a customer cannot be anonymized or deleted now: the `code` of a `PrivacyBlocker`. */
export const PrivacyBlockerCodes = {
  /** Orders not yet done: neither fulfilled nor completed, open returns, claims or exchanges, or payments not captured. `values`: `count`, `display_ids`. */
  OPEN_ORDERS: "open_orders",
  /** The customer (or another record of the person) is on legal hold. */
  LEGAL_HOLD: "legal_hold",
  /** The customer was anonymized before. */
  ALREADY_ANONYMIZED: "already_anonymized",
  /** Another privacy request for the person is still running. */
  REQUEST_PENDING: "request_pending",
  /** The privacy settings do not allow it (staff anonymize off). */
  ACTION_DISABLED: "action_disabled",
  /** Delete only: the person has orders, which bookkeeping must keep; anonymize instead. `values`: `count`. */
  HAS_ORDERS: "has_orders",
} as const
export type PrivacyBlockerCode = (typeof PrivacyBlockerCodes)[keyof typeof PrivacyBlockerCodes]

/** Something that blocks an anonymization or a delete. */
export type PrivacyBlocker = {
  code: PrivacyBlockerCode
  /** What the message names (e.g. `count` and `display_ids` of open orders). */
  values?: Record<string, string | number>
  /** In English; the admin shows its own text for `code` with `values`. */
  message: string
}

export const PRIVACY_REQUEST_KINDS = ["export", "anonymize", "delete"] as const
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number]
export const PRIVACY_REQUEST_STATUSES = ["pending", "completed", "refused", "failed"] as const
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number]
export const PRIVACY_REQUEST_SOURCES = ["admin", "store", "retention", "api"] as const
export type PrivacyRequestSource = (typeof PRIVACY_REQUEST_SOURCES)[number]

/** A request to export, anonymize or delete a customer's data, and its outcome. No personal data. */
export type PrivacyRequest = {
  id: string
  customer_id: string
  kind: PrivacyRequestKind
  status: PrivacyRequestStatus
  source: PrivacyRequestSource
  /** The admin user who asked; null for the customer themselves, a job or an API key. */
  actor_id: string | null
  /** Why it was refused (a blocker's code, or `action_disabled`). */
  refusal_code: string | null
  /** How many customer records of the person it covered. */
  record_count: number
  created_at: string
  completed_at: string | null
  /** When it must be answered: one month after it was made (GDPR Art. 12(3)). */
  due_at: string | null
  /** Pending and past its due date. */
  overdue: boolean
  /** Export: when the download stops working (null before it is built). */
  expires_at: string | null
  /** Export: whether the document includes internal notes. */
  include_notes: boolean
  /** Export: the document's size in bytes, once built. */
  size_bytes: number | null
  downloaded_at: string | null
}

/** A legal hold: while set, the customer cannot be anonymized or deleted. */
export type PrivacyLegalHold = {
  reason: string
  /** The admin user who set it. */
  set_by: string | null
  created_at: string
}

/** Everything the admin's Privacy tab shows about a customer. */
export type CustomerPrivacy = {
  customer_id: string
  anonymized: boolean
  anonymized_at: string | null
  deleted: false
  legal_hold: PrivacyLegalHold | null
  /** The person's records: this customer, records merged into it, and records sharing one of its e-mails. */
  records: { customer_ids: string[] }
  /** How many records each customer-data handler holds about the person, by handler name. */
  holds: Record<string, number>
  anonymize: { allowed: boolean; blockers: PrivacyBlocker[] }
  delete: { allowed: boolean; blockers: PrivacyBlocker[] }
  /** Newest first. */
  requests: PrivacyRequest[]
}

export type CustomerPrivacyResponse = { privacy: CustomerPrivacy }

/** The longest legal-hold reason. */
export const LEGAL_HOLD_REASON_MAX_LENGTH = 500

export type SetLegalHoldPayload = { reason: string }

/** The word the admin types to confirm an anonymization. */
export const ANONYMIZE_CONFIRMATION = "anonymize"
/** The word the admin types to confirm a permanent delete. */
export const DELETE_CONFIRMATION = "delete"

export type AnonymizeCustomerPayload = { confirm: typeof ANONYMIZE_CONFIRMATION }
export type AnonymizeCustomerResponse = { request: PrivacyRequest; privacy: CustomerPrivacy }

export type DeleteCustomerPayload = { confirm: typeof DELETE_CONFIRMATION }
export type DeleteCustomerResponse = { request: PrivacyRequest; deleted: true }

/** The store's privacy settings. */
export type PrivacySettings = {
  /** Staff may anonymize customers in the admin (default on). */
  staff_anonymize: boolean
  /** Storefront customers may anonymize their own data (default off). */
  customer_self_anonymize: boolean
  /** Staff may export a customer's data from the admin (default on). */
  staff_export: boolean
  /** Storefront customers may export their own data (default off). */
  customer_self_export: boolean
  /** Exports include internal notes, which are written for staff, not for the customer (default off). */
  export_include_notes: boolean
  /** Anonymize customers inactive for `retention_months` (default off). */
  retention_enabled: boolean
  /** The inactivity period, in months (1 to 240; default 36). */
  retention_months: number
  /** Customers with a current grant of one of these consent purposes are kept. */
  retention_exempt_purpose_ids: string[]
}

export type PrivacySettingsResponse = { settings: PrivacySettings }
export type UpdatePrivacySettingsPayload = Partial<PrivacySettings>

/** The privacy actions a setting can turn off; a disabled one answers 403 `privacy_action_disabled`. */
export type PrivacyAction = "staff_export" | "staff_anonymize" | "customer_self_export" | "customer_self_anonymize"

/** The shortest and longest retention period, in months. */
export const RETENTION_MONTHS_MIN = 1
export const RETENTION_MONTHS_MAX = 240

/** The one-time code's digits (storefront self-anonymization). */
export const PRIVACY_CODE_LENGTH = 6

/** `POST /store/customers/me/privacy/anonymize/code`: a one-time code goes to the account's e-mail (201). */
export type StoreRequestAnonymizeCodeResponse = {
  /** When the code stops working (ISO 8601), 15 minutes after it was sent. */
  expires_at: string
}

/** `POST /store/customers/me/privacy/anonymize`: the password or the code from the e-mail, not both. */
export type StoreAnonymizeCustomerPayload = { password: string; code?: never } | { code: string; password?: never }

/** The customer's data is anonymized; the token or session used is refused from now on. */
export type StoreAnonymizeCustomerResponse = { anonymized: true }

// ---------------------------------------------------------------------------------------------
// Consents

export const CONSENT_SOURCES = ["admin", "storefront", "checkout", "import", "api"] as const
export type ConsentSource = (typeof CONSENT_SOURCES)[number]

/** A purpose a customer can consent to, with the text shown now. */
export type ConsentPurpose = {
  id: string
  /** Stable name for storefronts, e.g. `email_marketing` (lower case, digits, `_` and `-`). */
  handle: string
  name: string
  /** For staff: what the purpose is used for. */
  description: string | null
  /** The version of `text` (starts at 1; changing the text adds one). */
  version: number
  /** The text the customer agrees to. */
  text: string
  archived_at: string | null
  rank: number
  created_at: string
  updated_at: string
}

/** One version of a purpose's text. */
export type ConsentText = { version: number; text: string; created_by: string | null; created_at: string }

/** One row of the append-only consent log. */
export type ConsentLogEntry = {
  id: string
  customer_id: string
  purpose_id: string
  granted: boolean
  source: ConsentSource
  actor_id: string | null
  /** The version of the purpose's text it was given (or withdrawn) under. */
  text_version: number
  reason: string | null
  occurred_at: string
}

/** A customer's current consent for a purpose: their newest log entry for it (none: never asked). */
export type CustomerConsent = {
  purpose: ConsentPurpose
  /** null when the customer never granted nor withdrew it. */
  granted: boolean | null
  /** The newest entry, or null. */
  current: ConsentLogEntry | null
  /** Granted under an older version of the text than the current one. */
  outdated: boolean
}

export type AdminConsentPurposesResponse = { purposes: ConsentPurpose[]; count: number; offset: number; limit: number }
export type AdminConsentPurposeResponse = { purpose: ConsentPurpose; versions: ConsentText[] }
export type CreateConsentPurposePayload = { handle: string; name: string; description?: string | null; text: string; rank?: number }
/** A new `text` adds a version; `archived: true` archives the purpose (false brings it back). */
export type UpdateConsentPurposePayload = {
  name?: string
  description?: string | null
  text?: string
  rank?: number
  archived?: boolean
}

/** `GET /admin/customers/:id/consents`: every active purpose with the current state, and the log (newest first). */
export type AdminCustomerConsentsResponse = { consents: CustomerConsent[]; history: ConsentLogEntry[] }
/** `POST /admin/customers/:id/consents`: grant or withdraw one purpose, with a reason (required). */
export type AdminChangeConsentPayload = { purpose_id: string; granted: boolean; reason: string }
export type ChangeConsentResponse = { consent: CustomerConsent }

/** `GET /store/customers/me/consents`: every active purpose with the customer's state. */
export type StoreCustomerConsentsResponse = { consents: CustomerConsent[] }
/** `POST /store/customers/me/consents`: one or more changes, by purpose handle. `version` is the text version shown (default: current). */
export type StoreChangeConsentsPayload = {
  consents: { purpose: string; granted: boolean; version?: number }[]
}

/**
 * `POST /store/customers` (Medusa's own registration) accepts the customer's consents in
 * `additional_data.consents`, recorded with source `storefront` (or `checkout` when
 * `additional_data.consent_source` is `checkout`).
 */
export type RegistrationConsentsAdditionalData = {
  consents?: { purpose: string; granted: boolean; version?: number }[]
  consent_source?: "storefront" | "checkout"
}

// ---------------------------------------------------------------------------------------------
// Export

/** The version of the export document's schema (`schemas/customer-export.v1.schema.json`). */
export const CUSTOMER_EXPORT_VERSION = 1

/** How long a storefront export can be downloaded, in hours. */
export const EXPORT_DOWNLOAD_HOURS = 168
/** How many exports a storefront customer may request in 24 hours. */
export const EXPORT_REQUESTS_PER_DAY = 3

/** A storefront export as the customer sees it (their privacy request of kind `export`). */
export type StoreCustomerExport = {
  id: string
  status: PrivacyRequestStatus
  created_at: string
  completed_at: string | null
  expires_at: string | null
  size_bytes: number | null
}
/** `POST /store/customers/me/privacy/exports` (202): the export is built in the background; an e-mail tells when it is ready. */
export type StoreRequestExportResponse = { export: StoreCustomerExport }
/** `GET /store/customers/me/privacy/exports`: the customer's exports, newest first, a page at a time. */
export type StoreCustomerExportsResponse = { exports: StoreCustomerExport[]; count: number; offset: number; limit: number }
/** `GET /store/customers/me/privacy/exports`: `limit` 1..100 (default 20), `offset`. */
export type StoreCustomerExportsParams = { limit?: number; offset?: number }

/**
 * The export document (`schemas/customer-export.v1.schema.json` in the package, `$id`
 * `urn:medusa-crm:schema:customer-export:v1`): what the admin download and a storefront export hold.
 */
export type CustomerExportDocument = {
  /** Names the schema: `urn:medusa-crm:schema:customer-export:v1`. */
  $schema: string
  version: typeof CUSTOMER_EXPORT_VERSION
  /** When it was built (ISO 8601). */
  generated_at: string
  /** The customer it was asked for. */
  customer_id: string
  /** Every customer record of the person, the customer first: the sections cover all of them. */
  records: string[]
  /** Whether internal (manual) notes written by staff are in `sections.notes`; system notes always are. */
  include_notes: boolean
  /** One array per kind of record (`customer`, `addresses`, `orders`, `notes`, `tags`, …; see the schema). */
  sections: Record<string, Record<string, unknown>[]>
}

// ---------------------------------------------------------------------------------------------
// Retention

export const RETENTION_RUN_STATUSES = ["running", "completed", "failed"] as const
export type RetentionRunStatus = (typeof RETENTION_RUN_STATUSES)[number]

/** One run of the retention policy. Ids and counts only. */
export type RetentionRun = {
  id: string
  status: RetentionRunStatus
  dry_run: boolean
  trigger: "job" | "admin"
  actor_id: string | null
  cutoff: string
  period_months: number
  candidates: number
  anonymized: number
  exempt: number
  skipped: number
  failed: number
  resumed: number
  started_at: string
  finished_at: string | null
  error: string | null
}

/** Why the retention policy would anonymize or keep a customer (dry run). */
export const RetentionReasonCodes = {
  /** Inactive since `last_activity_at`: would be anonymized. */
  INACTIVE: "inactive",
  /** Kept: a current grant of an exempting purpose (`values.purpose`). */
  EXEMPT_CONSENT: "exempt_consent",
  /** Kept: on legal hold. */
  LEGAL_HOLD: "legal_hold",
  /** Kept: orders not yet done. */
  OPEN_ORDERS: "open_orders",
  /** Kept: another record of the same person was active after the cutoff. */
  PERSON_ACTIVE: "person_active",
} as const
export type RetentionReasonCode = (typeof RetentionReasonCodes)[keyof typeof RetentionReasonCodes]

/** A customer in a dry run: whether they would go, and why. */
export type RetentionCandidate = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  /** The newest of: created, profile updated, last order, last storefront sign-in. */
  last_activity_at: string
  would_anonymize: boolean
  reason: RetentionReasonCode
  values?: Record<string, string | number>
}

/** `POST /admin/crm/privacy/retention/dry-run`: who would go and why (first `limit` of them), with the run's counts. */
export type RetentionDryRunResponse = { run: RetentionRun; candidates: RetentionCandidate[] }
/** `GET /admin/crm/privacy/retention/runs`: newest first. */
export type RetentionRunsResponse = { runs: RetentionRun[]; count: number; offset: number; limit: number }
/** `POST /admin/crm/privacy/retention/dry-run`: `limit` listed decisions (1 to 500, default 50), `months` the period to preview (default: the setting). */
export type RetentionDryRunPayload = { limit?: number; months?: number }
/** The most decisions a dry run lists. */
export const RETENTION_DRY_RUN_LIMIT_MAX = 500
/** `POST /admin/crm/privacy/retention/run` (202): the run started (or the run left by a crash, resumed); the worker carries it out. */
export type StartRetentionRunResponse = { run: RetentionRun }
/** `GET /admin/crm/privacy/retention/runs` query: `limit` (1 to 100, default 20), `offset`. */
export type RetentionRunsParams = { limit?: number; offset?: number }

// ---------------------------------------------------------------------------------------------
// The requests log

/** A request in the store-wide log, with whose it is (for staff). */
export type PrivacyRequestLogEntry = PrivacyRequest & {
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
}
/** `GET /admin/crm/privacy/requests`: filter by `status`, `kind`, `overdue=true`; newest first. */
export type PrivacyRequestsResponse = {
  requests: PrivacyRequestLogEntry[]
  count: number
  offset: number
  limit: number
  /** Pending requests past their due date, store-wide. */
  overdue_count: number
}

/** `GET /admin/crm/privacy/requests` query: every filter is optional; `limit` 1..100 (default 20). */
export type PrivacyRequestListParams = {
  status?: PrivacyRequestStatus
  kind?: PrivacyRequestKind
  source?: PrivacyRequestSource
  /** `true`: only pending requests past their due date; `false`: only the others. */
  overdue?: boolean
  customer_id?: string
  limit?: number
  offset?: number
}
