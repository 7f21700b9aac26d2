import { model } from "@medusajs/framework/utils"

/**
 * A customer's figures in one currency, computed from their orders (drafts and canceled orders
 * excluded; refunds subtracted). Derived data: recomputed, never edited, so recomputing twice gives
 * the same rows.
 */
export const CustomerMetric = model
  .define("customer_metric", {
    id: model.id({ prefix: "cmet" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text(),
    orders: model.number().default(0),
    /** Distinct days (UTC) with an order. */
    visits: model.number().default(0),
    items: model.number().default(0),
    lifetime_value: model.bigNumber(),
    refunded: model.bigNumber(),
    first_order_at: model.dateTime().nullable(),
    last_order_at: model.dateTime().nullable(),
    computed_at: model.dateTime(),
  })
  .indexes([
    {
      name: "IDX_customer_metric_customer_currency_unique",
      on: ["customer_id", "currency_code"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
