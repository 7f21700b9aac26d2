import { model } from "@medusajs/framework/utils"

/**
 * One version of the text a customer agrees to for a purpose. Changing a purpose's text adds a
 * version; grants keep pointing at the version they were given for. Never changed or deleted.
 */
export const PrivacyConsentText = model
  .define("privacy_consent_text", {
    id: model.id({ prefix: "ptxt" }).primaryKey(),
    purpose_id: model.text(),
    version: model.number(),
    text: model.text(),
    /** The admin user who wrote it. */
    created_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_privacy_consent_text_version_unique", on: ["purpose_id", "version"], unique: true, where: "deleted_at IS NULL" },
  ])
