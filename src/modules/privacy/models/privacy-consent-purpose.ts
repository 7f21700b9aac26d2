import { model } from "@medusajs/framework/utils"

/**
 * A purpose a customer can consent to (e-mail marketing, SMS, profiling, a newsletter). `handle` is
 * the stable name storefronts use; the text the customer agrees to is versioned in
 * `privacy_consent_text` (`current_version` is the one shown now). A purpose is archived, never
 * deleted: the consent log points at it.
 */
export const PrivacyConsentPurpose = model
  .define("privacy_consent_purpose", {
    id: model.id({ prefix: "ppur" }).primaryKey(),
    handle: model.text(),
    name: model.text(),
    /** Shown to staff only (what the purpose is used for). */
    description: model.text().nullable(),
    current_version: model.number().default(1),
    /** Archived purposes are no longer offered; their log stays. */
    archived_at: model.dateTime().nullable(),
    /** Display order (ascending). */
    rank: model.number().default(0),
  })
  .indexes([
    { name: "IDX_privacy_consent_purpose_handle_unique", on: ["handle"], unique: true, where: "deleted_at IS NULL" },
  ])
