import type { CustomerNote } from "./notes"


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
