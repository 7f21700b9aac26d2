import { model } from "@medusajs/framework/utils"

export const REQUEST_REPLAY_STATES = ["pending", "done"] as const

/**
 * One admin write request that a repeat of it must not run again: claimed by the first request
 * (a conditional insert on `key`), then holding that request's answer for its repeats until
 * `expires_at`. Short-lived: rows are removed once expired (on write and by a job).
 *
 * It keeps no author, path or body: `key` and `request_hash` are SHA-256 digests; the answer is
 * the route's own answer (it may name a customer) and lives minutes at most.
 */
export const RequestReplay = model
  .define("crm_request_replay", {
    /** SHA-256 of the user and their `Idempotency-Key`, or of the user and the request itself. */
    key: model.text().primaryKey(),
    /** SHA-256 of method, URL and body: a key reused for another request is refused. */
    request_hash: model.text(),
    /**
     * SHA-256 of the admin user, on a request without a key: the user's next other write ends its
     * repeat window (a later identical request, after something else, is meant).
     */
    scope: model.text().nullable(),
    state: model.enum([...REQUEST_REPLAY_STATES]).default("pending"),
    response_status: model.number().nullable(),
    /** The answer's JSON as sent (text, so the replay is byte for byte the same). */
    response_body: model.text().nullable(),
    /** A pending claim expires (a crashed server) as an answered one does (its replay window). */
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["expires_at"] }, { on: ["scope"] }])
