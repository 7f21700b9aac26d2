import { model } from "@medusajs/framework/utils"

/**
 * One row per customer, currency and day (UTC) with orders: what period figures and the
 * weekday chart read, instead of every order.
 */
export const CustomerMetricDay = model
  .define("customer_metric_day", {
    id: model.id({ prefix: "cmday" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text(),
    /** YYYY-MM-DD (UTC). */
    day: model.text(),
    orders: model.number().default(0),
    items: model.number().default(0),
    /** Totals of the orders placed (not canceled), paid or not. */
    sales: model.bigNumber().default(0),
    /** The same minus what was refunded on them. */
    net_sales: model.bigNumber(),
  })
  .indexes([
    {
      name: "IDX_customer_metric_day_unique",
      on: ["customer_id", "currency_code", "day"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
