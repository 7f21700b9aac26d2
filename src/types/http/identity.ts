
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
}

/** The online account of a record (`has_account`). */
export type CustomerAccount = { email: string }

export type CustomerIdentityResponse = { identity: CustomerIdentity }

export type AddAlternateEmailPayload = { email: string }

export type AlternateEmailResponse = { alternate_email: CustomerAlternateEmail }

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
export type MergeBlocker = { code: string; message: string }

/** What merging `source` into `survivor` would do. */
export type MergePreview = {
  survivor: CustomerSummary
  /** The record merged away (soft-deleted; its data moves). */
  source: CustomerSummary
  moves: MergeCounts
  /** The source's primary e-mail, which becomes an alternate e-mail of the survivor. */
  primary_email_to_alternate: string | null
  /** What stays on the merged-away record because the survivor has its own (conflicts). */
  /** `shares`: co-member shares between the two records, which a merged person would not need. */
  stays: { tags: string[]; profile: boolean; description: boolean; shares: number }
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
  /** The shared e-mail address or phone number. */
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

export type CustomerSearchField = "any" | "name" | "email" | "phone"
export type CustomerSearchStatus = "active" | "archived"
export type CustomerSearchMatch = "name" | "email" | "alternate_email" | "phone"

export type CustomerSearchParams = {
  /** Without it, customers are listed newest first. */
  q?: string
  field?: CustomerSearchField
  status?: CustomerSearchStatus
  /** `online`: only customers with an online account; `guest`: only those without. */
  account?: "any" | "online" | "guest"
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
