import { model } from "@medusajs/framework/utils"

export const CUSTOMER_STORE_SOURCES = ["manual", "order"] as const
export type CustomerStoreSource = (typeof CUSTOMER_STORE_SOURCES)[number]

/**
 * A store (sales channel) a customer is assigned to: set by an admin (`manual`) or filled from the
 * channel of one of their orders (`order`). One row per customer and channel.
 */
export const CustomerStore = model
  .define("customer_store", {
    id: model.id({ prefix: "cstore" }).primaryKey(),
    customer_id: model.text(),
    sales_channel_id: model.text(),
    source: model.enum([...CUSTOMER_STORE_SOURCES]).default("manual"),
  })
  .indexes([
    {
      name: "IDX_customer_store_customer_channel_unique",
      on: ["customer_id", "sales_channel_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["sales_channel_id"] },
  ])
