import { model } from "@medusajs/framework/utils"
import { LoyaltyEntry } from "./loyalty-entry"

/**
 * One per customer. Balances are sums over its ledger, taken under a row lock on this account
 * whenever points leave it, so that concurrent redemptions cannot overdraw it. `balance` keeps the
 * one sum lists sort and filter by, maintained by the database (see the migration's trigger).
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
    /**
     * Spendable points: available entries plus the (negative) redemptions held on carts, as
     * `LoyaltyBalance.available` counts them. Written only by the trigger on `loyalty_entry`, in the
     * transaction of every ledger change (insert, status change, move, delete), so it is exact
     * whatever writes the ledger: the module's service, set-based jobs, merges, erasure, bulk loads.
     * The application never writes it.
     */
    balance: model.bigNumber().default(0),
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
    {
      // The CRM list's sort by balance and its balance ranges read this index.
      name: "IDX_loyalty_account_balance_customer_id",
      on: ["balance", "customer_id"],
      where: "deleted_at IS NULL",
    },
  ])
