import { model } from "@medusajs/framework/utils"
import { CAMPAIGN_KINDS, INBOX_ENTRY_ORIGINS } from "./constants"
import { CustomerCampaign } from "./customer-campaign"

/**
 * One message or offer in one customer's inbox. Status is derived, never stored twice:
 * - messages: `expired` once the campaign ended, else `read` once `read_at` is set, else `new`;
 * - offers: `removed` (staff removed it), `redeemed` (an order used it), `expired` (the campaign or
 *   the reward ran out; the storefront no longer lists it), else `new`/`read`.
 * A redeemed loyalty offer adds a second entry (`origin: redemption`, kind `offer`) holding the
 * personal promotion the points bought; the distributed entry stays, to be redeemed again.
 */
export const CustomerInboxEntry = model
  .define("customer_inbox_entry", {
    id: model.id({ prefix: "cinb" }).primaryKey(),
    campaign: model.belongsTo(() => CustomerCampaign, { mappedBy: "entries" }),
    customer_id: model.text(),
    kind: model.enum([...CAMPAIGN_KINDS]),
    origin: model.enum([...INBOX_ENTRY_ORIGINS]).default("distribution"),
    distributed_at: model.dateTime(),
    /** Opened in the storefront (an e-mail being read is not tracked). */
    read_at: model.dateTime().nullable(),
    emailed_at: model.dateTime().nullable(),
    redeemed_at: model.dateTime().nullable(),
    redeemed_order_id: model.text().nullable(),
    removed_at: model.dateTime().nullable(),
    /** The admin user who removed it. */
    removed_by: model.text().nullable(),
    /** A personal offer's own promotion and code (null: the campaign's promotion). */
    promotion_id: model.text().nullable(),
    promotion_code: model.text().nullable(),
    /** A reward's own end (null: the campaign's). */
    expires_at: model.dateTime().nullable(),
    /** A reward: the points it cost and the ledger entry that took them. */
    points_spent: model.number().nullable(),
    loyalty_entry_id: model.text().nullable(),
  })
  .indexes([
    {
      // One distributed entry per campaign and customer, however often distribution runs.
      name: "IDX_customer_inbox_entry_campaign_customer_unique",
      on: ["campaign_id", "customer_id"],
      unique: true,
      where: "origin = 'distribution' AND deleted_at IS NULL",
    },
    { on: ["customer_id", "distributed_at"] },
    { on: ["promotion_id"], where: "promotion_id IS NOT NULL" },
  ])
