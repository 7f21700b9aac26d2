import { model } from "@medusajs/framework/utils"
import { LoyaltyAccount } from "./loyalty-account"

export const LOYALTY_ENTRY_TYPES = ["earn", "redeem", "adjust", "expire", "reverse"] as const
export type LoyaltyEntryType = (typeof LOYALTY_ENTRY_TYPES)[number]

export const LOYALTY_ENTRY_STATUSES = ["pending", "available", "void"] as const
export type LoyaltyEntryStatus = (typeof LOYALTY_ENTRY_STATUSES)[number]

/**
 * The append-only ledger. Points never change after an entry is written; only its status moves:
 * - earn: pending until `available_at`, then available. A pending earn without `available_at` waits
 *   for its order's payment (program `earn_on: "paid"`): the capture gives it its date.
 * - redeem: pending while the points sit on a cart, available once the order is placed, void when
 *   the cart gives them back.
 * - reverse: undoes (part of) the entry in `reference_id` (an earn after a cancel or refund, a
 *   redeem after a cancel); it shares the earn's status so pending points are reversed as pending.
 * - adjust (by an admin, with a reason) and expire are available at once.
 */
export const LoyaltyEntry = model
  .define("loyalty_entry", {
    id: model.id({ prefix: "lyent" }).primaryKey(),
    account: model.belongsTo(() => LoyaltyAccount, { mappedBy: "entries" }),
    customer_id: model.text(),
    type: model.enum([...LOYALTY_ENTRY_TYPES]),
    /** Signed: positive adds points, negative removes them. */
    points: model.bigNumber(),
    status: model.enum([...LOYALTY_ENTRY_STATUSES]),
    /** What the customer sees: the sales channel of the order, the reward, the reason. */
    description: model.text().nullable(),
    /**
     * What happened, as data the admin renders in the reader's language:
     * `{ key: "order_earn", values: { channel, display_id } }` (keys in `LoyaltyEntryDetailKey`).
     * Null on rows written before it existed: `description` is shown then.
     */
    detail: model.json().nullable(),
    /** An admin's reason for an adjustment. */
    reason: model.text().nullable(),
    order_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    promotion_id: model.text().nullable(),
    promotion_code: model.text().nullable(),
    /** The currency and amount the entry is about: the order's base for an earn, the discount for a redeem. */
    currency_code: model.text().nullable(),
    amount: model.bigNumber().nullable(),
    /** The entry a reverse undoes. */
    reference_id: model.text().nullable(),
    /** The admin user who made it. */
    created_by: model.text().nullable(),
    available_at: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["account_id", "created_at"] },
    { on: ["customer_id"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["reference_id"], where: "reference_id IS NOT NULL" },
    {
      // One earn per order, however often order.placed arrives.
      name: "IDX_loyalty_entry_earn_order_unique",
      on: ["order_id"],
      unique: true,
      where: "type = 'earn' AND deleted_at IS NULL",
    },
    {
      // One live redemption per cart.
      name: "IDX_loyalty_entry_pending_cart_unique",
      on: ["cart_id"],
      unique: true,
      where: "type = 'redeem' AND status = 'pending' AND deleted_at IS NULL",
    },
    { on: ["available_at"], where: "status = 'pending' AND deleted_at IS NULL" },
    { on: ["expires_at"], where: "expires_at IS NOT NULL AND deleted_at IS NULL" },
  ])
