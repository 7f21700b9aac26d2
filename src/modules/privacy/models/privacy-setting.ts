import { model } from "@medusajs/framework/utils"

/**
 * The store's privacy settings: one row (`id` "default"), created with the defaults on first read.
 */
export const PrivacySetting = model.define("privacy_setting", {
  id: model.text().primaryKey(),
  /** Staff may anonymize customers in the admin. */
  staff_anonymize: model.boolean().default(true),
  /** Storefront customers may anonymize their own data. Off by default. */
  customer_self_anonymize: model.boolean().default(false),
  /** Staff may export a customer's data from the admin. */
  staff_export: model.boolean().default(true),
  /** Storefront customers may export their own data. Off by default. */
  customer_self_export: model.boolean().default(false),
  /** Exports include internal notes (written for staff, not for the customer). Off by default. */
  export_include_notes: model.boolean().default(false),
  /** The retention policy: anonymize customers inactive for `retention_months`. Off by default. */
  retention_enabled: model.boolean().default(false),
  retention_months: model.number().default(36),
  /** Customers with a current grant of one of these purposes are kept. */
  retention_exempt_purpose_ids: model.array().nullable(),
})
