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
