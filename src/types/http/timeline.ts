import type { CustomerNote } from "./notes"

export const TIMELINE_ENTRY_TYPES = ["note", "system_note", "order_placed", "order_canceled"] as const
export type TimelineEntryType = (typeof TIMELINE_ENTRY_TYPES)[number]

/** The stable `code` of every refusal of the timeline route. */
export const TimelineErrorCodes = {
  /** The query failed validation (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
} as const
export type TimelineErrorCode = (typeof TimelineErrorCodes)[keyof typeof TimelineErrorCodes]

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
  /** On note entries (absent when the note was deleted meanwhile). */
  note?: CustomerNote
  /** On order entries; null when the order was deleted meanwhile. */
  order?: TimelineOrder | null
}

export type TimelineListParams = {
  offset?: number
  limit?: number
  /** `?type=note,system_note` or `?type[]=order_placed`; absent = every type. */
  type?: string | TimelineEntryType[]
}

export type TimelineListResponse = {
  timeline: TimelineEntry[]
  count: number
  offset: number
  limit: number
}
