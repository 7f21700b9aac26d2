import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { CustomerMetric } from "./models/customer-metric"
import { CustomerMetricDay } from "./models/customer-metric-day"
import { CustomerMetricMonth } from "./models/customer-metric-month"
import { InsightRebuild } from "./models/insight-rebuild"

import type { SqlConnection } from "../../lib/queries/sql"

type Row = Record<string, unknown>

const placeholders = (n: number) => Array(n).fill("?").join(", ")

const raw = (expr: string) => `jsonb_build_object('value', (${expr})::text, 'precision', 20)`

/** One customer's totals in one currency, derived from their orders. Amounts as text (exact). */
export type CustomerMetricTotalsRow = {
  customer_id: string
  currency_code: string
  orders: number
  visits: number
  items: string
  /** Order totals, paid or not. */
  sales: string
  /** Captured. */
  paid: string
  /** Paid minus refunded. */
  lifetime_value: string
  refunded: string
  first_order_at: string
  last_order_at: string
}

/** One customer's orders in one currency on one UTC day (`day`, YYYY-MM-DD) or month (`month`, YYYY-MM). */
export type CustomerMetricBucketRow = {
  customer_id: string
  currency_code: string
  orders: number
  items: string
  sales: string
  net_sales: string
} & ({ day: string } | { month: string })

/** The metric rows of some customers, as derived from the orders. */
export type CustomerMetricRows = {
  totals: CustomerMetricTotalsRow[]
  days: CustomerMetricBucketRow[]
  months: CustomerMetricBucketRow[]
}

/**
 * Derives the customers' metric rows from the orders (the order tables are not this module's:
 * the caller brings the read model). It runs on the connection given, inside the recompute's
 * transaction, after the customers' locks are taken.
 */
export type CustomerMetricSource = (connection: SqlConnection, customerIds: string[]) => Promise<CustomerMetricRows>

/** The day and month tables: one row per customer, currency and UTC day or month. */
const BUCKETS = [
  { table: "customer_metric_day", prefix: "cmday", column: "day", rows: "days" },
  { table: "customer_metric_month", prefix: "cmmon", column: "month", rows: "months" },
] as const

/**
 * Customer metrics, derived from Medusa's orders: the same statements serve one customer (within a
 * second of an order event) and all of them (the rebuild, page by page), so both paths give
 * identical rows. The service writes and reads only its own tables; the rows come from a read
 * model over the order tables (`computeCustomerMetrics` in `src/lib/queries`).
 */
class CustomerInsightModuleService extends MedusaService({
  CustomerMetric,
  CustomerMetricDay,
  CustomerMetricMonth,
  InsightRebuild,
}) {
  /**
   * Replaces the customers' metric, day and month rows with what `source` derives from their
   * orders. One transaction: the customers' locks are taken first, then the rows derived and
   * written, so two recomputes of one customer never interleave and the later one reads the orders
   * the earlier one saw, or newer.
   */
  @InjectManager()
  async recomputeCustomers(
    customerIds: string[],
    source: CustomerMetricSource,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const ids = [...new Set(customerIds)].sort()
    if (!ids.length) {
      return 0
    }
    return await this.recomputeCustomers_(ids, source, sharedContext)
  }

  @InjectTransactionManager()
  protected async recomputeCustomers_(
    ids: string[],
    source: CustomerMetricSource,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const manager = sharedContext.transactionManager as any
    // One writer per customer at a time (another instance, a rebuild page): they queue here
    // instead of inserting the same rows twice. Sorted ids, so two writers never deadlock.
    await manager.execute(
      `SELECT pg_advisory_xact_lock(hashtext('medusa-crm:insight:' || id)) FROM unnest(ARRAY[${placeholders(ids.length)}]::text[]) AS id ORDER BY id`,
      ids
    )
    const rows = await source(manager.getTransactionContext() as SqlConnection, ids)
    for (const table of ["customer_metric", "customer_metric_day", "customer_metric_month"]) {
      await manager.execute(`DELETE FROM ${table} WHERE customer_id IN (${placeholders(ids.length)})`, ids)
    }
    // The rows go in as one JSON value: set-based, however many customers a page holds.
    if (rows.totals.length) {
      await manager.execute(
        `INSERT INTO customer_metric (id, customer_id, currency_code, orders, visits, items,
           sales, raw_sales, paid, raw_paid,
           lifetime_value, raw_lifetime_value, refunded, raw_refunded, first_order_at, last_order_at, computed_at)
         SELECT 'cmet_' || replace(gen_random_uuid()::text, '-', ''), customer_id, currency_code,
           orders, visits, items, sales, ${raw("sales")}, paid, ${raw("paid")},
           lifetime_value, ${raw("lifetime_value")}, refunded, ${raw("refunded")},
           first_order_at, last_order_at, now()
         FROM jsonb_to_recordset(?::jsonb) AS r(customer_id text, currency_code text, orders bigint,
           visits bigint, items numeric, sales numeric, paid numeric, lifetime_value numeric, refunded numeric,
           first_order_at timestamptz, last_order_at timestamptz)`,
        [JSON.stringify(rows.totals)]
      )
    }
    for (const bucket of BUCKETS) {
      const bucketRows = rows[bucket.rows]
      if (!bucketRows.length) {
        continue
      }
      await manager.execute(
        `INSERT INTO ${bucket.table} (id, customer_id, currency_code, ${bucket.column}, orders, items,
           sales, raw_sales, net_sales, raw_net_sales)
         SELECT '${bucket.prefix}_' || replace(gen_random_uuid()::text, '-', ''), customer_id, currency_code,
           ${bucket.column}, orders, items, sales, ${raw("sales")}, net_sales, ${raw("net_sales")}
         FROM jsonb_to_recordset(?::jsonb) AS r(customer_id text, currency_code text, ${bucket.column} text,
           orders bigint, items numeric, sales numeric, net_sales numeric)`,
        [JSON.stringify(bucketRows)]
      )
    }
    return rows.totals.length
  }

  /**
   * A customer's totals, day rows (in [from, to], both optional) and month rows (in [firstMonth,
   * lastMonth]) read in one statement, so one snapshot: a recompute committing meanwhile is seen
   * in all three or in none.
   */
  @InjectManager()
  async readCustomerMetricRows(
    customerId: string,
    days: { from: string | null; to: string | null },
    months: { from: string; to: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ totals: Row[]; days: Row[]; months: Row[] }> {
    const [row]: Row[] = await (sharedContext.manager as any).execute(
      `SELECT
         (SELECT COALESCE(json_agg(m ORDER BY m.orders DESC, m.currency_code), '[]'::json) FROM (
           SELECT currency_code, orders, visits, items, sales, paid, lifetime_value, refunded, first_order_at, last_order_at, computed_at
           FROM customer_metric WHERE customer_id = ? AND deleted_at IS NULL) m) AS totals,
         (SELECT COALESCE(json_agg(d), '[]'::json) FROM (
           SELECT currency_code, day, orders, items, sales, net_sales FROM customer_metric_day
           WHERE customer_id = ? AND deleted_at IS NULL
             AND (?::text IS NULL OR day >= ?) AND (?::text IS NULL OR day <= ?)) d) AS days,
         (SELECT COALESCE(json_agg(mo), '[]'::json) FROM (
           SELECT currency_code, month, orders, items, sales, net_sales FROM customer_metric_month
           WHERE customer_id = ? AND deleted_at IS NULL AND month >= ? AND month <= ?) mo) AS months`,
      [customerId, customerId, days.from, days.from, days.to, days.to, customerId, months.from, months.to]
    )
    return { totals: row.totals as Row[], days: row.days as Row[], months: row.months as Row[] }
  }
}

export default CustomerInsightModuleService
