// The privacy routes' contract (issue 17), as the admin reads it. It mirrors
// `src/types/http/privacy.ts` of the privacy routes until that file is shared through `./types`.

/** Why anonymizing or deleting a customer is refused now: the `code` of a `PrivacyBlocker`. */
export const PrivacyBlockerCodes = {
  /** Orders not fulfilled, or with open returns, claims, exchanges or uncaptured payments (`values.count`, `values.display_ids`). */
  OPEN_ORDERS: "open_orders",
  /** The customer is on legal hold. */
  LEGAL_HOLD: "legal_hold",
  /** Already anonymized. */
  ALREADY_ANONYMIZED: "already_anonymized",
  /** A privacy request of the customer is still running. */
  REQUEST_PENDING: "request_pending",
  /** Staff may not anonymize customers (the store's privacy settings). */
  ACTION_DISABLED: "action_disabled",
  /** Delete only: the person has orders, which bookkeeping must keep; anonymize instead. */
  HAS_ORDERS: "has_orders",
} as const

/** What blocks an action, with the values its text names. */
export type PrivacyBlocker = {
  code: string
  values?: Record<string, string | number>
  message: string
}

export type PrivacyRequestKind = "anonymize" | "delete"
export type PrivacyRequestStatus = "pending" | "completed" | "refused" | "failed"
export type PrivacyRequestSource = "admin" | "store" | "retention" | "api"

/** A request to anonymize or delete a customer and what became of it (no personal data). */
export type PrivacyRequest = {
  id: string
  kind: PrivacyRequestKind
  status: PrivacyRequestStatus
  source: PrivacyRequestSource
  actor_id: string | null
  refusal_code: string | null
  record_count: number
  created_at: string
  completed_at: string | null
}

export type PrivacyLegalHold = {
  reason: string
  /** The admin user who set it. */
  set_by: string | null
  created_at: string
}

/** Whether an action may run now, and what blocks it. */
export type PrivacyAction = {
  allowed: boolean
  blockers: PrivacyBlocker[]
}

/** A customer's privacy state: `GET /admin/customers/:id/privacy`. */
export type CustomerPrivacy = {
  customer_id: string
  anonymized: boolean
  anonymized_at: string | null
  deleted: false
  legal_hold: PrivacyLegalHold | null
  /** The person's customer records: this one, records merged into it, guest records sharing an e-mail. */
  records: { customer_ids: string[] }
  /** How many records each kind of data holds over the person's records, by handler name. */
  holds: Record<string, number>
  anonymize: PrivacyAction
  delete: PrivacyAction
  /** Newest first. */
  requests: PrivacyRequest[]
}

export type CustomerPrivacyResponse = { privacy: CustomerPrivacy }

/** Longest legal hold reason, in characters. */
export const LEGAL_HOLD_REASON_MAX_LENGTH = 500

export type SetLegalHoldPayload = { reason: string }

export type AnonymizeCustomerPayload = { confirm: "anonymize" }
export type AnonymizeCustomerResponse = {
  request: PrivacyRequest
  privacy: CustomerPrivacy
}

export type DeleteCustomerPayload = { confirm: "delete" }
export type DeleteCustomerResponse = {
  request: PrivacyRequest
  deleted: true
}

/** The store's privacy settings: `GET/POST /admin/crm/privacy/settings`. */
export type PrivacySettings = {
  /** Staff may anonymize customers in the admin. */
  staff_anonymize: boolean
  /** Storefront customers may anonymize their own data. */
  customer_self_anonymize: boolean
}
export type PrivacySettingsResponse = { settings: PrivacySettings }
export type UpdatePrivacySettingsPayload = Partial<PrivacySettings>
