import { model } from "@medusajs/framework/utils"

/**
 * A customer on legal hold (a dispute, an investigation, a bookkeeping obligation): while it is
 * set, the customer cannot be anonymized or deleted. One row per customer; lifting the hold
 * deletes the row.
 */
export const PrivacyLegalHold = model
  .define("privacy_legal_hold", {
    id: model.id({ prefix: "phold" }).primaryKey(),
    customer_id: model.text(),
    reason: model.text(),
    set_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_privacy_legal_hold_customer_unique", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
  ])
