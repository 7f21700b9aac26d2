/**
 * Privacy (GDPR Art. 17): anonymizing and deleting a customer, legal holds, privacy requests and
 * the store's privacy settings. Nothing here carries personal data: requests and the erasure log
 * hold ids only.
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

export const PRIVACY_REQUEST_KINDS = ["anonymize", "delete"] as const
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number]
export const PRIVACY_REQUEST_STATUSES = ["pending", "completed", "refused", "failed"] as const
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number]
export const PRIVACY_REQUEST_SOURCES = ["admin", "store", "retention", "api"] as const
export type PrivacyRequestSource = (typeof PRIVACY_REQUEST_SOURCES)[number]

/** A request to anonymize or delete a customer, and its outcome. No personal data. */
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
}

export type PrivacySettingsResponse = { settings: PrivacySettings }
export type UpdatePrivacySettingsPayload = Partial<PrivacySettings>

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
