import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"

const METRIC_TABLES = ["customer_metric", "customer_metric_day", "customer_metric_month"] as const
const TABLES = METRIC_TABLES.map((table) => ({ kind: table, table }))

/**
 * What the insight module holds about customers: their metrics (totals, per day, per month). They
 * are numbers derived from orders: anonymize keeps them (the shop's figures stay right), delete
 * removes them. A merge needs no share: the merge workflow recomputes both customers' metrics.
 */
export const customerDataHandler: CustomerDataHandler = {
  name: "customer_insight",
  owner: "plugin",
  claims: METRIC_TABLES.map((table) => ({ table, columns: ["customer_id"], holds: "order metrics (numbers)" })),

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const metrics = await selectRows(
      ctx.sql,
      `SELECT customer_id, currency_code, orders, items, sales::float AS sales, paid::float AS paid,
              lifetime_value::float AS lifetime_value, refunded::float AS refunded, first_order_at, last_order_at
         FROM customer_metric WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY customer_id, currency_code`,
      { ids: person.customer_ids }
    )
    return { metrics }
  },

  // Numbers only: nothing to anonymize.
  anonymize: async () => undefined,

  async delete(ctx, customerIds) {
    for (const table of METRIC_TABLES) {
      await selectRows(ctx.sql, `DELETE FROM ${table} WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
    }
  },
}
