import { model } from "@medusajs/framework/utils"

export const PRIVACY_REQUEST_KINDS = ["export", "anonymize", "delete"] as const
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number]
export const PRIVACY_REQUEST_STATUSES = ["pending", "completed", "refused", "failed"] as const
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number]
export const PRIVACY_REQUEST_SOURCES = ["admin", "store", "retention", "api"] as const
export type PrivacyRequestSource = (typeof PRIVACY_REQUEST_SOURCES)[number]

/**
 * A request to export, anonymize or delete a customer's data, and what became of it: the requests
 * log. It holds no personal data: the customer's id, who asked (an admin user's id, or the
 * customer), when, the due date (one month, GDPR Art. 12(3)), the outcome and, when refused, the
 * refusal's code. An export also names its file (in Medusa's file module) and when its download
 * expires. A pending anonymize or delete request blocks merges of the customer.
 */
export const PrivacyRequest = model
  .define("privacy_request", {
    id: model.id({ prefix: "preq" }).primaryKey(),
    customer_id: model.text(),
    kind: model.enum([...PRIVACY_REQUEST_KINDS]),
    status: model.enum([...PRIVACY_REQUEST_STATUSES]).default("pending"),
    source: model.enum([...PRIVACY_REQUEST_SOURCES]).default("admin"),
    actor_id: model.text().nullable(),
    refusal_code: model.text().nullable(),
    /** How many customer records of the person it covered (the customer, merged-away and guest records). */
    record_count: model.number().default(0),
    completed_at: model.dateTime().nullable(),
    /** When it must be answered: one month after it was made (GDPR Art. 12(3)). */
    due_at: model.dateTime().nullable(),
    /** Export: the document in the file module (removed when the download expires). */
    file_id: model.text().nullable(),
    /** Export: when the download stops working. */
    expires_at: model.dateTime().nullable(),
    /** Export: whether the document includes internal notes (the setting at the time). */
    include_notes: model.boolean().default(false),
    /** Export: the document's size in bytes. */
    size_bytes: model.number().nullable(),
    downloaded_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["status"] }, { on: ["status", "due_at"] }, { on: ["kind", "expires_at"] }])
