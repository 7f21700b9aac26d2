/**
 * The HTTP contract of the plugin's routes: request bodies, query parameters and responses.
 * These files import no server code, so the admin, storefronts and host apps can use them
 * (`import type { … } from "medusa-crm/types"`).
 */

/** What a refused request answers: Medusa's error body with the plugin's stable `code`. */
export type CrmErrorResponse = {
  /** Medusa's error type, e.g. `invalid_data`, `not_found`, `not_allowed`, `conflict`. */
  type: string
  /** Readable (English) explanation; it may change between versions. */
  message: string
  /** Stable and machine-readable: branch on this, not on the message. */
  code?: string
}

/** The paging fields every list response carries. */
export type CrmPaginatedResponse = {
  count: number
  offset: number
  limit: number
}

/** The paging and sorting parameters every list route accepts. */
export type CrmFindParams = {
  limit?: number
  offset?: number
  /** A field to sort by, `-` first for descending. */
  order?: string
  /** Comma-separated fields to return, where the route supports it. */
  fields?: string
}
