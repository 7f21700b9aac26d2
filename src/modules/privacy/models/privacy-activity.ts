import { model } from "@medusajs/framework/utils"

/**
 * When a customer was last seen signed in on the storefront (Medusa records no logins). Written at
 * most once an hour per customer; the retention policy reads it beside orders and profile updates.
 */
export const PrivacyActivity = model
  .define("privacy_activity", {
    id: model.id({ prefix: "pact" }).primaryKey(),
    customer_id: model.text(),
    last_seen_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_privacy_activity_customer_unique", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
  ])
