import { model } from "@medusajs/framework/utils"

export const PRIVACY_CONSENT_SOURCES = ["admin", "storefront", "checkout", "import", "api"] as const
export type PrivacyConsentSource = (typeof PRIVACY_CONSENT_SOURCES)[number]

/**
 * The consent log, append-only: one row per grant or withdrawal. A customer's current consent for
 * a purpose is their newest row for it. Rows are never updated, except that anonymizing the
 * customer clears `reason` (it may name the person) and keeps the rest as proof.
 */
export const PrivacyConsent = model
  .define("privacy_consent", {
    id: model.id({ prefix: "pcon" }).primaryKey(),
    customer_id: model.text(),
    purpose_id: model.text(),
    granted: model.boolean(),
    source: model.enum([...PRIVACY_CONSENT_SOURCES]),
    /** The admin user (source admin), the customer (storefront, checkout), or null (import, API key). */
    actor_id: model.text().nullable(),
    /** The version of the purpose's text the customer agreed to (for a withdrawal: the one shown then). */
    text_version: model.number(),
    /** Why staff changed it (admin only). */
    reason: model.text().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id", "purpose_id", "occurred_at"] },
    { on: ["purpose_id", "granted"] },
    // The CRM list's consent filter: the latest record per customer and purpose, read from the purpose's side.
    { name: "IDX_privacy_consent_purpose_customer_occurred", on: ["purpose_id", "customer_id", "occurred_at"], where: "deleted_at IS NULL" },
  ])
