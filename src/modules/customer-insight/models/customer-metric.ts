import { model } from "@medusajs/framework/utils"

/**
 * A customer's figures in one currency, computed from their orders (drafts and canceled orders
 * excluded). Derived data: recomputed, never edited, so recomputing twice gives the same rows.
 * - `sales`: the totals of the orders placed, paid or not;
 * - `paid`: what was captured on them; `refunded`: what went back;
 * - `lifetime_value`: paid minus refunded (money actually received).
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
    /** Totals of the orders placed (not canceled), paid or not. */
    sales: model.bigNumber().default(0),
    /** Captured on those orders. */
    paid: model.bigNumber().default(0),
    /** Paid minus refunded. */
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
    // The CRM list's range filters and sorts on the figures, per currency.
    { name: "IDX_customer_metric_currency_lifetime_value", on: ["currency_code", "lifetime_value"], where: "deleted_at IS NULL" },
    { name: "IDX_customer_metric_currency_last_order_at", on: ["currency_code", "last_order_at"], where: "deleted_at IS NULL" },
  ])
