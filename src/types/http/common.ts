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

/**
 * The request header that makes an admin write safe to repeat: the same key (per admin user) with
 * the same request gets the first request's answer instead of running again. Send one per form
 * submission (made when the form opens, reused when the same submission is sent again).
 */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"

/** Set to `true` on an answer that repeats an earlier request's answer. */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed"

/** The stable `code` of the refusals that any admin write route of the plugin may answer. */
export const RequestErrorCodes = {
  /** `Idempotency-Key` is empty, longer than 255 characters or not printable ASCII (400). */
  IDEMPOTENCY_KEY_INVALID: "idempotency_key_invalid",
  /** The key was used before for another request (another route or body) (422). */
  IDEMPOTENCY_KEY_REUSED: "idempotency_key_reused",
  /** The same request is still running after the wait; retry it with the same key (409). */
  REQUEST_IN_PROGRESS: "request_in_progress",
} as const
export type RequestErrorCode = (typeof RequestErrorCodes)[keyof typeof RequestErrorCodes]
