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
})
