import { model } from "@medusajs/framework/utils"

export const PRIVACY_REQUEST_KINDS = ["anonymize", "delete"] as const
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number]
export const PRIVACY_REQUEST_STATUSES = ["pending", "completed", "refused", "failed"] as const
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number]
export const PRIVACY_REQUEST_SOURCES = ["admin", "store", "retention", "api"] as const
export type PrivacyRequestSource = (typeof PRIVACY_REQUEST_SOURCES)[number]

/**
 * A request to anonymize or delete a customer, and what became of it. It holds no personal data:
 * the customer's id, who asked (an admin user's id, or the customer), when, the outcome and, when
 * refused, the refusal's code. A pending request blocks merges of the customer.
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
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["status"] }])
