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

/** A photo as base64 (no data: prefix). JPEG, PNG, WebP or GIF, at most 2 MB. */
export type UploadCustomerPhotoPayload = {
  filename: string
  mime_type: "image/jpeg" | "image/png" | "image/webp" | "image/gif"
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
