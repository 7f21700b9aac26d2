/** The kinds of note: written by an admin, or recorded by the plugin when something changed. */
export const CUSTOMER_NOTE_KINDS = ["manual", "system"] as const
export type CustomerNoteKind = (typeof CUSTOMER_NOTE_KINDS)[number]

/** Longest note body accepted, in characters (after trimming). */
export const NOTE_BODY_MAX_LENGTH = 10_000

/** Longest subject of a note sent by e-mail, in characters. */
export const NOTE_EMAIL_SUBJECT_MAX_LENGTH = 200

/** Notes order by these fields (`-` first for descending); newest first when none is asked. */
export const CUSTOMER_NOTE_ORDER_FIELDS = ["created_at", "updated_at", "pinned"] as const

/** The stable `code` of every refusal of the note routes. */
export const NoteErrorCodes = {
  /** The body or query failed validation (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** No note with that id on that customer (404). */
  NOTE_NOT_FOUND: "note_not_found",
  /** A system note's body cannot be edited, nor the note deleted (400). */
  SYSTEM_NOTE_READ_ONLY: "system_note_read_only",
  /** The note cannot be e-mailed: the customer has no address and none was given in `to` (400). */
  CUSTOMER_EMAIL_MISSING: "customer_email_missing",
  /** No notification provider sends e-mail (400). */
  EMAIL_PROVIDER_MISSING: "email_provider_missing",
} as const
export type NoteErrorCode = (typeof NoteErrorCodes)[keyof typeof NoteErrorCodes]

/**
 * What a system note records, by key: the admin renders `crm.systemNotes.<key>` in the reader's
 * language with the note's `event.values`; `body` keeps the same line in English (search, e-mails,
 * older rows without an event).
 */
export const SYSTEM_NOTE_KEYS = [
  "profile_updated",
  "profile_photo_removed",
  "customer_archived",
  "customer_archived_with_reason",
  "customer_restored",
  "tag_added",
  "tag_added_expiring",
  "tag_changed",
  "tag_removed",
  "tag_expired",
  "loyalty_adjusted",
  "loyalty_enrolled",
  "loyalty_unenrolled",
  "loyalty_reversed_earned",
  "loyalty_reversed_spent",
  "loyalty_reversed_both",
  "alternate_email_added",
  "alternate_email_removed",
  "customer_merged",
  "guest_linked",
  "guest_claimed",
  "merge_undone",
  "merge_undone_source",
  "basket_started",
  "receipt_emailed",
  "receipt_emailed_customer",
  "membership_assigned",
  "membership_bought",
  "membership_renewed",
  "membership_renewed_by_order",
  "membership_expiry_changed",
  "membership_cancel_scheduled",
  "membership_cancelled",
  "membership_cancelled_at_period_end",
  "membership_expired",
  "membership_taken_back",
  "membership_renewal_taken_back",
  "membership_refund_kept",
  "membership_refund_kept_partly",
  "membership_gifted",
  "membership_gift_received",
  "membership_shared",
  "membership_co_member_added",
  "membership_co_member_removed",
  "membership_co_member_left",
  "consent_granted",
  "consent_granted_with_reason",
  "consent_withdrawn",
  "consent_withdrawn_with_reason",
  "offer_removed",
] as const
export type SystemNoteKey = (typeof SYSTEM_NOTE_KEYS)[number]

/**
 * Values that are words rather than data, each rendered through `crm.systemNotes.<name>.<value>`:
 * why an order was taken back, which profile fields changed, what a merge moved.
 */
export const SYSTEM_NOTE_WORDS = {
  why: ["canceled", "refunded", "returned"],
  fields: ["birth_date", "gender", "nationality", "anniversary", "external_id", "gate_code", "stores", "photo"],
  counts: ["orders", "addresses", "notes", "tags", "memberships", "loyalty_points", "alternate_emails"],
  /** Where a consent was given or withdrawn (`source` of a consent note). */
  sources: ["admin", "storefront", "checkout", "import", "api"],
} as const

/** An amount in major units, as Medusa v2 returns totals. */
export type SystemNoteMoney = { amount: number; currency_code: string }

/**
 * A value of a system note. By convention: names ending in `_at` hold an ISO date (`YYYY-MM-DD`,
 * a calendar day) or null for "never" (lifetime); `display_id` is an order number; `points` a
 * signed number of points; `why`, `fields`, `counts` and `source` hold the words of `SYSTEM_NOTE_WORDS`;
 * objects with `amount` and `currency_code` are money; everything else is shown as it is.
 */
export type SystemNoteValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | SystemNoteMoney
  | Record<string, number>

/** What happened, as data: `{ key: "tag_added_expiring", values: { tag: "staff", expires_at: "2027-06-30" } }`. */
export type SystemNoteEvent = {
  key: SystemNoteKey
  values: Record<string, SystemNoteValue>
}

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
  /** On system notes written since events were recorded: what happened, for the reader's language. */
  event: SystemNoteEvent | null
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

/** `fields`: a comma list of the note's default fields (each may be prefixed with `+` or `-`). */
export type CustomerNoteParams = {
  fields?: string
}

export type CustomerNoteListParams = CustomerNoteParams & {
  limit?: number
  offset?: number
  /** One of `CUSTOMER_NOTE_ORDER_FIELDS`, `-` first for descending; default `-created_at`. */
  order?: string
  q?: string
  /** `?kind=system`, `?kind=manual,system` or `?kind[]=manual&kind[]=system`. */
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
  /** Defaults to "A message from us". */
  subject?: string
}
