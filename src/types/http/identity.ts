/** Longest e-mail address accepted, in characters. */
export const EMAIL_MAX_LENGTH = 254
/** Longest reason given for archiving a customer, in characters. */
export const ARCHIVE_REASON_MAX_LENGTH = 500
/** Longest customer search (`q`), in characters. */
export const CUSTOMER_SEARCH_MAX_LENGTH = 200

/** Why a merge is refused: the `code` of a `MergeBlocker`. */
export const MergeBlockerCodes = {
  /** Both records have an online account. */
  BOTH_ACCOUNTS: "both_accounts",
  /** The record that would go has an online account and the one that stays does not. */
  SOURCE_HAS_ACCOUNT: "source_has_account",
  /** An order of the record that would go has an open change (exchange, claim, edit). */
  ORDER_CHANGE_OPEN: "order_change_open",
  /** Loyalty points of the record that would go are held on a cart. */
  LOYALTY_POINTS_ON_CART: "loyalty_points_on_cart",
  /** A privacy request (anonymize or delete) for one of the two is still running. */
  PRIVACY_REQUEST_PENDING: "privacy_request_pending",
} as const
export type MergeBlockerCode = (typeof MergeBlockerCodes)[keyof typeof MergeBlockerCodes]

/** The stable `code` of every refusal of the admin identity routes, `/admin/crm/customers` and `/admin/crm/duplicates`. */
export const IdentityErrorCodes = {
  /** The body or query failed validation (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** The address is already the customer's primary e-mail (400). */
  EMAIL_IS_PRIMARY: "email_is_primary",
  /** The address is already one of this customer's, or another customer's (409; then `conflict` names them). */
  EMAIL_TAKEN: "email_taken",
  /** No alternate e-mail with that id on that customer (404). */
  ALTERNATE_EMAIL_NOT_FOUND: "alternate_email_not_found",
  /** The customer is already archived (409). */
  CUSTOMER_ARCHIVED: "customer_archived",
  /** The customer is not archived (409). */
  CUSTOMER_NOT_ARCHIVED: "customer_not_archived",
  /** A customer cannot be merged with itself, and `survivor_id` must be one of the two (400). */
  MERGE_INVALID: "merge_invalid",
  /** Something blocks the merge: the message lists the blockers, the preview gives their codes (409). */
  MERGE_REFUSED: "merge_refused",
  /** No merge with that id kept by this customer (404). */
  MERGE_NOT_FOUND: "merge_not_found",
  /** The merge cannot be undone: already undone, past its undo window, the record it kept was merged away
   * since, or a new record took the merged-away record's e-mail (409). */
  MERGE_UNDO_REFUSED: "merge_undo_refused",
  /** `account_id` is not a customer with an online account (400). */
  ACCOUNT_REQUIRED: "account_required",
  /** This record has an online account itself: link a guest record to it instead (400). */
  GUEST_REQUIRED: "guest_required",
} as const
export type IdentityErrorCode = (typeof IdentityErrorCodes)[keyof typeof IdentityErrorCodes]


/** A customer as identity lists show them: possible duplicates, search hits, duplicate groups. */
export type CustomerSummary = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
  phone: string | null
  /** A registered online account (shown with a globe). */
  has_account: boolean
  created_at: string
}

/** Why and when the customer was archived: hidden from the CRM's lists, nothing deleted. */
export type CustomerArchive = {
  archived_at: string
  archived_by: string | null
  reason: string | null
}

export type AlternateEmailSource = "admin" | "merge" | "claim"

/** Another address of the customer's (lower case, unique across customers). */
export type CustomerAlternateEmail = {
  id: string
  email: string
  source: AlternateEmailSource
  added_by: string | null
  created_at: string
}

/** What another customer shares with this one. */
export type DuplicateMatch = "email" | "alternate_email" | "phone"

export type PossibleDuplicate = {
  customer: CustomerSummary
  matches: DuplicateMatch[]
}

export type CustomerIdentity = {
  customer_id: string
  /** null while the customer is not archived. */
  archived: CustomerArchive | null
  alternate_emails: CustomerAlternateEmail[]
  duplicates: PossibleDuplicate[]
  /** Records merged into this customer, newest first (merged and undone). */
  merges: CustomerMerge[]
  /** This record's online account; null for a guest record. */
  account: CustomerAccount | null
  /** When the customer was anonymized (ISO 8601); null while they are not. */
  anonymized_at: string | null
}

/** The online account of a record (`has_account`). */
export type CustomerAccount = { email: string | null }

export type CustomerIdentityResponse = { identity: CustomerIdentity }

export type AddAlternateEmailPayload = { email: string }

/** The other customer who has the address: the `conflict` of a 409 `email_taken` refusal. */
export type EmailTakenConflict = {
  customer_id: string
  /** Their name, else company, else e-mail. */
  name: string
  /** Their primary e-mail. */
  email: string | null
}

/** The body of a 409 `email_taken` refusal; `conflict` is absent when the address is already this customer's. */
export type EmailTakenError = {
  type: "conflict"
  code: typeof IdentityErrorCodes.EMAIL_TAKEN
  message: string
  conflict?: EmailTakenConflict
}

export type AlternateEmailResponse = { alternate_email: CustomerAlternateEmail & { customer_id: string } }

export type AlternateEmailDeleteResponse = {
  id: string
  object: "customer_alternate_email"
  deleted: true
}

export type ArchiveCustomerPayload = { reason?: string }

/** How a record came to be merged: by an admin, by linking a guest record to an account, by the customer. */
export type MergeKind = "merge" | "link" | "claim"
export type MergeStatus = "merged" | "undone"

/** How many of each kind of data a merge moves (or moved) to the surviving record. */
export type MergeCounts = {
  orders: number
  addresses: number
  notes: number
  tags: number
  memberships: number
  shares: number
  loyalty_entries: number
  loyalty_points: number
  alternate_emails: number
  groups: number
  stores: number
  /** 0 or 1. */
  profile: number
}

/** Why a merge is refused; `message` is readable (English). */
export type MergeBlocker = {
  code: MergeBlockerCode
  /** In English; the admin shows its own text for `code` with `values`. */
  message: string
  /** What the message names: `name` (the record that would go), `display_id` and `change_type` (an order's open change). */
  values?: Record<string, string | number>
}

/** A customer as the merge preview compares them: who they are, and their business so far. */
export type MergePreviewCustomer = CustomerSummary & {
  /** Orders filed under this record (draft orders left out). */
  order_count: number
  /** The lifetime value per currency, from the customer's metrics (empty before any order). */
  lifetime_value: { currency_code: string; amount: number }[]
}

/** What merging `source` into `survivor` would do. */
export type MergePreview = {
  survivor: MergePreviewCustomer
  /** The record merged away (soft-deleted; its data moves). */
  source: MergePreviewCustomer
  moves: MergeCounts
  /** The source's primary e-mail, which becomes an alternate e-mail of the survivor. */
  primary_email_to_alternate: string | null
  /** What stays on the merged-away record because the survivor has its own (conflicts). */
  /** `shares`: co-member shares between the two records, which a merged person would not need. */
  /** `addresses`: addresses identical to one the survivor has (same names, company, lines, city, postal
   * code, country, province and phone): the survivor keeps one of each; an undo brings them back. */
  stays: { tags: string[]; profile: boolean; description: boolean; shares: number; addresses: number }
  /** Non-empty: the merge is refused (409). */
  blockers: MergeBlocker[]
  /** How many days the merge can be undone. */
  undo_days: number
}

/** A record merged into a customer. */
export type CustomerMerge = {
  id: string
  kind: MergeKind
  status: MergeStatus
  survivor_id: string
  source_id: string
  /** The merged-away record as it was at merge time. */
  source: CustomerSummary
  merged_at: string
  merged_by: string | null
  undo_until: string
  undone_at: string | null
  can_undo: boolean
  counts: MergeCounts
}

/** `survivor_id` defaults to the customer of the URL; it must be that one or `other_id`. */
export type MergePreviewParams = { other_id: string; survivor_id?: string }

export type MergePreviewResponse = { preview: MergePreview }

export type MergePayload = { other_id: string; survivor_id: string }

export type MergeResponse = { merge: CustomerMerge }

/** Links a guest record to a customer with an online account (the guest is merged into it). */
export type LinkAccountPayload = { account_id: string }

/** Undoes a link, then links the restored guest record to another account. */
export type RelinkPayload = { account_id: string }

/** What a duplicate group's customers share. */
export type DuplicateGroupMatch = "email" | "phone"

/** Customers with one e-mail address (primary or alternate) or one phone number. */
export type DuplicateGroup = {
  match: DuplicateGroupMatch
  /** The shared e-mail address, or the shared phone number's national significant number (digits
   * without country code or trunk 0: "+32 11 19 54 29" and "011 19 54 29" are both "11195429"). */
  key: string
  customers: CustomerSummary[]
}

export type DuplicateGroupListParams = {
  limit?: number
  offset?: number
}

/** Largest groups first. */
export type DuplicateGroupListResponse = {
  groups: DuplicateGroup[]
  count: number
  offset: number
  limit: number
}

export const CUSTOMER_SEARCH_FIELDS = ["any", "name", "email", "phone"] as const
export type CustomerSearchField = (typeof CUSTOMER_SEARCH_FIELDS)[number]
export const CUSTOMER_SEARCH_STATUSES = ["active", "archived"] as const
export type CustomerSearchStatus = (typeof CUSTOMER_SEARCH_STATUSES)[number]
/** `online`: only customers with an online account; `guest`: only those without. */
export const CUSTOMER_SEARCH_ACCOUNTS = ["any", "online", "guest"] as const
export type CustomerSearchAccount = (typeof CUSTOMER_SEARCH_ACCOUNTS)[number]
export const CUSTOMER_SEARCH_MATCHES = ["name", "email", "alternate_email", "phone"] as const
export type CustomerSearchMatch = (typeof CUSTOMER_SEARCH_MATCHES)[number]

export type CustomerSearchParams = {
  /** Without it, customers are listed newest first. */
  q?: string
  field?: CustomerSearchField
  status?: CustomerSearchStatus
  account?: CustomerSearchAccount
  limit?: number
  offset?: number
}

export type CustomerSearchHit = CustomerSummary & {
  /** What matched the search; empty without one. */
  matched_by: CustomerSearchMatch[]
  archived: boolean
}

export type CustomerSearchResponse = {
  customers: CustomerSearchHit[]
  count: number
  offset: number
  limit: number
}
