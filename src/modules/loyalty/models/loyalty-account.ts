import { model } from "@medusajs/framework/utils"
import { LoyaltyEntry } from "./loyalty-entry"

/**
 * One per customer. It holds no balance: balances are sums over its ledger, taken under a row lock
 * on this account whenever points leave it, so that concurrent redemptions cannot overdraw it.
 */
export const LoyaltyAccount = model
  .define("loyalty_account", {
    id: model.id({ prefix: "lyacc" }).primaryKey(),
    customer_id: model.text(),
    /** Enrolled by an admin (used when the program enrolls per customer). */
    enrolled: model.boolean().default(false),
    enrolled_at: model.dateTime().nullable(),
    /** Expiry has been applied for credits that expired up to this time. */
    expired_through: model.dateTime().nullable(),
    /** A reminder was sent for credits expiring up to this time. */
    reminded_through: model.dateTime().nullable(),
    entries: model.hasMany(() => LoyaltyEntry, { mappedBy: "account" }),
  })
  .cascades({ delete: ["entries"] })
  .indexes([
    {
      name: "IDX_loyalty_account_customer_id_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
