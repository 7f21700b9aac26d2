export type CustomerNoteKind = "manual" | "system"

export type CustomerNoteAuthor = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

export type CustomerNote = {
  id: string
  customer_id: string
  body: string
  kind: CustomerNoteKind
  pinned: boolean
  author_id: string | null
  created_at: string
  updated_at: string
  author: CustomerNoteAuthor | null
  /** Every time the note was e-mailed to the customer, newest first. */
  emails?: CustomerNoteEmail[]
}

export type CustomerNoteEmail = {
  id: string
  to: string
  sent_by_id: string | null
  notification_id: string | null
  created_at: string
}

export type CustomerNoteListParams = {
  limit?: number
  offset?: number
  order?: string
  q?: string
  kind?: CustomerNoteKind | CustomerNoteKind[]
  pinned?: boolean
}

export type CustomerNoteListResponse = {
  notes: CustomerNote[]
  count: number
  offset: number
  limit: number
}

export type CustomerNoteResponse = {
  note: CustomerNote
}

export type CustomerNoteDeleteResponse = {
  id: string
  object: "customer_note"
  deleted: true
}

export type CreateCustomerNotePayload = {
  body: string
  pinned?: boolean
}

export type UpdateCustomerNotePayload = {
  body?: string
  pinned?: boolean
}

export type CustomerNoteEmailPayload = {
  /** Defaults to the customer's e-mail address. */
  to?: string
}

// ---- Profile ----

export type CustomerGender = "female" | "male" | "non_binary" | "unspecified"

export type CustomerStore = {
  sales_channel_id: string
  name: string | null
  /** `manual`: set by an admin; `order`: filled from the channel of one of their orders. */
  source: "manual" | "order"
}

export type CustomerProfile = {
  /** null until something was saved for this customer. */
  id: string | null
  customer_id: string
  /** `YYYY-MM-DD` */
  birth_date: string | null
  gender: CustomerGender | null
  /** ISO 3166-1 alpha-2, upper case */
  nationality: string | null
  /** `YYYY-MM-DD`: set by hand, or the first order's date when unknown (see anniversary_source). */
  anniversary: string | null
  anniversary_source: "set" | "first_order" | null
  external_id: string | null
  gate_code: string | null
  photo_url: string | null
  stores: CustomerStore[]
  updated_at: string | null
}

export type CustomerProfileResponse = { profile: CustomerProfile }

/** Every field optional; null clears it. `sales_channel_ids` replaces the set of stores. */
export type UpdateCustomerProfilePayload = {
  birth_date?: string | null
  gender?: CustomerGender | null
  nationality?: string | null
  anniversary?: string | null
  external_id?: string | null
  gate_code?: string | null
  sales_channel_ids?: string[]
}

/** A photo as base64 (no data: prefix). JPEG, PNG or WebP, at most 2 MB; stored under a generated name. */
export type UploadCustomerPhotoPayload = {
  filename?: string
  mime_type: "image/jpeg" | "image/png" | "image/webp"
  content: string
}

// ---- Tags ----

export type TagColor = "grey" | "red" | "green" | "blue" | "orange" | "purple"
export type TagValueMode = "flag" | "text" | "list"

export type TagDefinition = {
  id: string
  key: string
  label: string
  description: string | null
  color: TagColor
  value_mode: TagValueMode
  /** The allowed values when value_mode is `list`. */
  allowed_values: string[] | null
  /** The benefit: a native customer group tagged customers are put into. */
  customer_group_id: string | null
  customer_group: { id: string; name: string } | null
  customer_count: number
  /** Orders of tagged customers that used a promotion of the benefit group. */
  benefit_order_count: number
  created_at: string
  updated_at: string
}

export type TagUsage = {
  customer_count: number
  benefit_order_count: number
  by_sales_channel: { sales_channel_id: string | null; name: string | null; order_count: number }[]
}

export type TagDefinitionListParams = {
  q?: string
  offset?: number
  limit?: number
  order?: string
}

export type TagDefinitionListResponse = {
  tags: TagDefinition[]
  count: number
  offset: number
  limit: number
}

export type TagDefinitionResponse = { tag: TagDefinition & { usage: TagUsage } }

export type CreateTagDefinitionPayload = {
  key: string
  label: string
  description?: string | null
  color?: TagColor
  value_mode: TagValueMode
  allowed_values?: string[]
  customer_group_id?: string | null
}

export type UpdateTagDefinitionPayload = {
  label?: string
  description?: string | null
  color?: TagColor
  allowed_values?: string[]
  customer_group_id?: string | null
}

export type BulkTagCustomersPayload = {
  add?: string[]
  remove?: string[]
  value?: string | null
  expires_at?: string | null
}

export type BulkTagCustomersResponse = {
  tag: TagDefinition
  added: number
  removed: number
  /** Customers in `add` that already carried the tag. */
  skipped: number
}

export type CustomerTag = {
  id: string
  customer_id: string
  key: string
  value: string | null
  expires_at: string | null
  source: string
  assigned_by: string | null
  created_at: string
  definition: Pick<
    TagDefinition,
    "id" | "key" | "label" | "color" | "value_mode" | "allowed_values" | "customer_group_id"
  >
}

export type CustomerTagListResponse = { tags: CustomerTag[]; count: number }
export type CustomerTagResponse = { tag: CustomerTag }

export type AssignCustomerTagPayload = {
  key: string
  value?: string | null
  /** ISO date-time; the tag is removed by a job when it passes. */
  expires_at?: string | null
}

export type UpdateCustomerTagPayload = {
  value?: string | null
  expires_at?: string | null
}

// ---- Timeline ----

export type TimelineEntryType = "note" | "system_note" | "order_placed" | "order_canceled"

export type TimelineActor = {
  type: "user" | "customer" | "system"
  id: string | null
  name: string | null
  email: string | null
}

export type TimelineOrder = {
  id: string
  display_id: number
  status: string
  total: number
  currency_code: string
  sales_channel: { id: string; name: string } | null
}

export type TimelineEntry = {
  /** Unique per entry, e.g. `note:cnote_...`, `order_placed:order_...` */
  id: string
  type: TimelineEntryType
  occurred_at: string
  actor: TimelineActor | null
  /** Where the entry leads in the admin, e.g. `/orders/order_...`; null for notes. */
  link: string | null
  note?: CustomerNote
  order?: TimelineOrder
}

export type TimelineListParams = {
  offset?: number
  limit?: number
  /** Comma list of note, system_note, order_placed, order_canceled */
  type?: string
}

export type TimelineListResponse = {
  timeline: TimelineEntry[]
  count: number
  offset: number
  limit: number
}

// ---- Loyalty ----

export type LoyaltyEnrollmentMode = "all" | "per_customer"

/** What points are worth in one currency. Money in major units (12.5 = 12.50). */
export type LoyaltyRate = {
  currency_code: string
  /** Points earned per 1 unit of the currency spent. */
  earn_points_per_unit: number
  /** `redeem_points` points are worth `redeem_value` when redeemed. */
  redeem_points: number
  redeem_value: number
}

export type LoyaltyProgram = {
  enabled: boolean
  enrollment: LoyaltyEnrollmentMode
  /** Days before earned points become available; 0 = at once. */
  pending_days: number
  /** null = points never expire. */
  expiry_months: number | null
  /** E-mail the customer this many days before points expire; 0 = no reminder. */
  expiry_reminder_days: number
  min_redeem_points: number
  /** An unused redemption on an idle cart is given back after this many hours. */
  redemption_hold_hours: number
  rates: LoyaltyRate[]
  updated_at: string | null
}

export type LoyaltyCurrencyValue = {
  currency_code: string
  value: number
}

export type LoyaltyTotals = {
  accounts: number
  enrolled: number
  points_available: number
  points_pending: number
  points_lifetime_earned: number
  negative_accounts: number
  /** What the available points are worth, per rate currency. */
  liability: LoyaltyCurrencyValue[]
}

export type LoyaltyProgramResponse = {
  program: LoyaltyProgram
  totals: LoyaltyTotals
}

/** Any subset of the program; `rates` replaces the whole list. */
export type UpdateLoyaltyProgramPayload = Partial<
  Omit<LoyaltyProgram, "updated_at">
>

export type UpdateLoyaltyProgramResponse = { program: LoyaltyProgram }

export type LoyaltyBalance = {
  /** Can be negative: points reversed after they were spent. */
  available: number
  pending: number
  lifetime_earned: number
  /** Points reserved by a redemption on a cart. */
  held: number
}

export type CustomerLoyalty = {
  customer_id: string
  program_enabled: boolean
  enrollment: LoyaltyEnrollmentMode
  enrolled: boolean
  enrolled_at: string | null
  balance: LoyaltyBalance
  /** What `available` is worth, per rate currency. */
  values: LoyaltyCurrencyValue[]
  next_expiry: { points: number; expires_at: string } | null
}

export type LoyaltyEntryType =
  | "earn"
  | "redeem"
  | "adjust"
  | "expire"
  | "reverse"

export type LoyaltyEntryStatus = "pending" | "available" | "void"

export type LoyaltyEntry = {
  id: string
  type: LoyaltyEntryType
  /** Signed: + added, - removed. */
  points: number
  status: LoyaltyEntryStatus
  /** Human text: sales channel, reward, reason. */
  description: string | null
  /** The admin's reason, for adjustments. */
  reason: string | null
  order_id: string | null
  order_display_id: number | null
  promotion_id: string | null
  promotion_code: string | null
  /** The admin who made the entry, or null. */
  created_by: string | null
  available_at: string | null
  expires_at: string | null
  created_at: string
}

export type CustomerLoyaltyParams = {
  limit?: number
  offset?: number
}

/** The customer's loyalty account and one page of its entries, newest first. */
export type CustomerLoyaltyResponse = {
  loyalty: CustomerLoyalty
  entries: LoyaltyEntry[]
  count: number
  offset: number
  limit: number
}

export type AdjustLoyaltyPointsPayload = {
  /** A non-zero integer: + adds, - removes. */
  points: number
  /** 1..500 characters. */
  reason: string
}

export type AdjustLoyaltyPointsResponse = {
  entry: LoyaltyEntry
  loyalty: CustomerLoyalty
}

export type SetLoyaltyEnrollmentPayload = { enrolled: boolean }

export type LoyaltyEnrollmentResponse = { loyalty: CustomerLoyalty }

// ---- Memberships ----

export type MembershipDurationUnit = "day" | "month" | "year" | "lifetime"

/** A customer as memberships show them: the holder, a co-member, a gift's recipient. */
export type MembershipCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

export type MembershipPlan = {
  id: string
  name: string
  description: string | null
  /** The rank: higher is better. */
  level: number
  duration_unit: MembershipDurationUnit
  /** How many units one period lasts; null for lifetime. */
  duration_value: number | null
  /** The benefit: members are in this customer group while their membership is active. */
  customer_group_id: string | null
  customer_group: { id: string; name: string } | null
  /** The product variant that sells the plan. */
  variant_id: string | null
  /** Co-members one membership may add; 0 = none. */
  max_shares: number
  /** The holder is e-mailed this many days before expiry; 0 = no reminder. */
  reminder_days: number
  created_at: string
  updated_at: string
}

/** A plan as the plans list and detail return it: with its memberships counted. */
export type MembershipPlanWithCounts = MembershipPlan & {
  /** Active memberships of the plan. */
  active_count: number
  /** All memberships of the plan, whatever their status. */
  member_count: number
}

export type MembershipPlanListParams = {
  q?: string
  limit?: number
  offset?: number
}

export type MembershipPlanListResponse = {
  plans: MembershipPlanWithCounts[]
  count: number
  offset: number
  limit: number
}

export type MembershipPlanResponse = { plan: MembershipPlanWithCounts }

export type CreateMembershipPlanPayload = {
  name: string
  description?: string | null
  level: number
  duration_unit: MembershipDurationUnit
  /** Required unless the unit is lifetime. */
  duration_value?: number | null
  customer_group_id?: string | null
  variant_id?: string | null
  /** 0..20 */
  max_shares?: number
  /** 0..365 */
  reminder_days?: number
}

export type UpdateMembershipPlanPayload = Partial<CreateMembershipPlanPayload>

export type MembershipPlanDeleteResponse = {
  id: string
  object: "membership_plan"
  deleted: true
}

export type MembershipStatus = "active" | "expired" | "cancelled"
export type MembershipSource = "admin" | "purchase" | "gift"
/** The customer's part in a membership: they hold it, or it is shared with them. */
export type MembershipRole = "holder" | "co_member"

export type MembershipShare = {
  id: string
  customer_id: string
  customer: MembershipCustomer | null
  created_at: string
}

/** A membership as read for one customer (the one in the URL). */
export type Membership = {
  id: string
  /** Human-friendly and unique, e.g. M-7Q4K-X2PD: printed on the card. */
  number: string
  status: MembershipStatus
  starts_at: string
  /** null = lifetime. */
  expires_at: string | null
  cancel_at_period_end: boolean
  cancelled_at: string | null
  source: MembershipSource
  order_id: string | null
  /** The holder's id. */
  customer_id: string
  holder: MembershipCustomer | null
  plan: MembershipPlan
  shares: MembershipShare[]
  role: MembershipRole
  created_at: string
}

export type MembershipEventType =
  | "created"
  | "renewed"
  | "expiration_edited"
  | "cancelled"
  | "cancel_scheduled"
  | "gifted"
  | "shared"
  | "unshared"
  | "expired"

export type MembershipEvent = {
  id: string
  type: MembershipEventType
  actor_type: "admin" | "customer" | "system"
  actor_id: string | null
  data: Record<string, unknown> | null
  created_at: string
}

export type CustomerMembershipListParams = {
  /** Comma list of statuses. */
  status?: string
}

/** Held and shared-with memberships, active first, then by expiry. */
export type CustomerMembershipListResponse = {
  memberships: Membership[]
  count: number
}

export type CustomerMembershipResponse = { membership: Membership }

/** A membership and its history, newest first. */
export type CustomerMembershipDetailResponse = {
  membership: Membership
  history: MembershipEvent[]
}

export type AssignMembershipPayload = {
  plan_id: string
  /** Defaults to now. */
  starts_at?: string
  /** Defaults to the start plus the plan's duration. */
  expires_at?: string
}

export type EditMembershipExpirationPayload = { expires_at: string }

export type MembershipCancelAt = "now" | "period_end"

export type CancelMembershipPayload = { at: MembershipCancelAt }

/** Gift (moves the membership) or share (adds a co-member) with this customer. */
export type MembershipCustomerPayload = { customer_id: string }

export type MembershipCard = {
  number: string
  /** Whose card it is: first name and last initial, or a neutral label; never an e-mail. */
  holder_name: string
  /** Each holder and co-member has a card (and code) of their own. */
  role: "holder" | "co_member"
  plan_name: string
  level: number
  /** null = lifetime. */
  valid_until: string | null
  status: MembershipStatus
  /** What the QR code encodes: the value scanned at the door. */
  code: string
  /** The QR code as an `<svg>` string, made by our own server. */
  qr_svg: string
}

export type MembershipCardResponse = { card: MembershipCard }

/** `replaced`: signed by this store, but no longer the card of whoever it was issued to. */
export type MembershipVerifyResult = "valid" | "expired" | "cancelled" | "replaced" | "invalid"

export type MembershipVerifyResponse = {
  result: MembershipVerifyResult
  membership: {
    number: string
    plan_name: string
    /** Null when the card is no longer current: a replaced card names nobody. */
    holder_name: string | null
    role: "holder" | "co_member" | null
    expires_at: string | null
    status: MembershipStatus
  } | null
}

/** A door scanner key: it can only check cards. The key itself is shown once, on creation. */
export type MembershipScannerKey = {
  id: string
  name: string
  /** The key's start and end, to tell keys apart. */
  redacted: string
  created_by: string | null
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
  revoked_by: string | null
}

export type MembershipScannerKeyListParams = { limit?: number; offset?: number }

export type MembershipScannerKeyListResponse = {
  scanner_keys: MembershipScannerKey[]
  count: number
  offset: number
  limit: number
}

export type CreateMembershipScannerKeyPayload = { name: string }

export type CreatedMembershipScannerKeyResponse = {
  scanner_key: MembershipScannerKey & { key: string }
}

export type MembershipScannerKeyResponse = { scanner_key: MembershipScannerKey }

// ---- Insights ----

/** A customer's figures over all time in one currency. Money in major units, net of refunds. */
export type CustomerLifetimeMetrics = {
  currency_code: string
  orders: number
  /** Days with at least one order. */
  visits: number
  items: number
  /** Net of refunds; canceled orders are left out. */
  lifetime_value: number
  refunded: number
  average_order_value: number
  first_order_at: string | null
  last_order_at: string | null
  days_since_last_order: number | null
}

/** The same figures within the chosen period, in one currency. */
export type CustomerPeriodMetrics = {
  currency_code: string
  orders: number
  visits: number
  items: number
  net_sales: number
  average_order_value: number
}

export type MonthlySales = {
  /** `YYYY-MM`. */
  month: string
  net_sales: number
  orders: number
}

export type WeekdaySpend = {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  net_sales: number
  visits: number
  average_daily_spend: number
}

export type CustomerMetricsParams = {
  /** `YYYY-MM-DD`, inclusive; both absent = all time. */
  from?: string
  to?: string
}

export type CustomerMetricsResponse = {
  /** One per currency the customer bought in, most orders first. */
  metrics: CustomerLifetimeMetrics[]
  period: {
    from: string | null
    to: string | null
    metrics: CustomerPeriodMetrics[]
  }
  /** The 12 months up to `to` (or now), oldest first, zero-filled. */
  monthly: { currency_code: string; months: MonthlySales[] }[]
  /** Within the period; all 7 days present. */
  weekdays: { currency_code: string; days: WeekdaySpend[] }[]
  /** When this customer's figures were last computed. */
  computed_at: string | null
}

export type CustomerTransactionStatus = "completed" | "canceled" | "draft"

/** Where an order was placed: the storefront, or a till / box office. */
export type SalesChannelKind = "online" | "in_store"

export type CustomerTransaction = {
  /** The order's id (a draft order's too). */
  id: string
  display_id: number
  created_at: string
  total: number
  currency_code: string
  status: CustomerTransactionStatus
  sales_channel: { id: string; name: string } | null
  channel_kind: SalesChannelKind
  items: number
}

export type CustomerTransactionListParams = {
  /** Comma list of statuses; absent = all. */
  status?: string
  limit?: number
  offset?: number
}

/** Newest first. */
export type CustomerTransactionListResponse = {
  transactions: CustomerTransaction[]
  count: number
  offset: number
  limit: number
}

/** Defaults to the customer's e-mail. */
export type SendReceiptPayload = { to?: string }

export type SendReceiptResponse = {
  receipt: { notification_id: string; to: string; sent_at: string }
}

/** Defaults: the store's default channel; the region of the customer's shipping address. */
export type StartBasketPayload = {
  sales_channel_id?: string
  region_id?: string
}

export type StartBasketResponse = {
  draft_order: {
    id: string
    display_id: number
    region_id: string
    sales_channel_id: string
    email: string | null
  }
}

export type InsightsRebuildStatus = "running" | "done" | "failed"

/** A run that recomputes every customer's figures from their orders. */
export type InsightsRebuild = {
  id: string
  status: InsightsRebuildStatus
  processed: number
  total: number
  started_at: string
  finished_at: string | null
  error: string | null
}

/** The latest run, or null when there has been none. */
export type InsightsRebuildResponse = { rebuild: InsightsRebuild | null }

export type StartInsightsRebuildResponse = { rebuild: InsightsRebuild }

// ---- Identity ----

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
