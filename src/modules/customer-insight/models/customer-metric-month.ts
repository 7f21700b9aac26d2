import { model } from "@medusajs/framework/utils"

/** One row per customer, currency and month (UTC): the 12-month chart reads a dozen rows. */
export const CustomerMetricMonth = model
  .define("customer_metric_month", {
    id: model.id({ prefix: "cmmon" }).primaryKey(),
    customer_id: model.text(),
    currency_code: model.text(),
    /** YYYY-MM (UTC). */
    month: model.text(),
    orders: model.number().default(0),
    items: model.number().default(0),
    /** Totals of the orders placed (not canceled), paid or not. */
    sales: model.bigNumber().default(0),
    /** The same minus what was refunded on them. */
    net_sales: model.bigNumber(),
  })
  .indexes([
    {
      name: "IDX_customer_metric_month_unique",
      on: ["customer_id", "currency_code", "month"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
