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
