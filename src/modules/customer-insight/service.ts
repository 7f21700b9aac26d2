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

type Row = Record<string, unknown>

const placeholders = (n: number) => Array(n).fill("?").join(", ")

const raw = (expr: string) => `jsonb_build_object('value', (${expr})::text, 'precision', 20)`

/**
 * The orders that count, one row per customer and order: placed (not drafts), not canceled, with
 * their total as placed, what was refunded, and their items. Totals come from the order's latest
 * summary. An order counts for a customer when Medusa filed it under them, or under another record
 * whose e-mail is their primary or an alternate e-mail (a guest checkout): one person, whichever
 * record the order sits on. Records are matched on the customer table and orders found by
 * `customer_id` (indexed), so the order table is never scanned by e-mail. Only live customers are
 * targets: a deleted customer's orders stay filed under them, but they have no metrics.
 * `/*customers*\/` is replaced by a bound list, never by values.
 */
const ORDERS_CTE = `
  targets AS (
    SELECT c.id AS customer_id FROM customer c
    WHERE c.id = ANY(ARRAY[/*customers*/]::text[]) AND c.deleted_at IS NULL
  ),
  target_emails AS (
    SELECT c.id AS customer_id, lower(c.email) AS email FROM customer c
    JOIN targets t ON t.customer_id = c.id
    WHERE c.deleted_at IS NULL AND c.email IS NOT NULL AND c.email <> ''
    UNION
    SELECT a.customer_id, a.email FROM customer_alternate_email a
    JOIN targets t ON t.customer_id = a.customer_id
    WHERE a.deleted_at IS NULL
  ),
  records AS (
    SELECT customer_id, customer_id AS record_id FROM targets
    UNION
    SELECT e.customer_id, c.id FROM customer c JOIN target_emails e ON lower(c.email) = e.email
    WHERE c.deleted_at IS NULL
  ),
  owned AS (
    SELECT o.id AS order_id, r.customer_id FROM records r JOIN "order" o ON o.customer_id = r.record_id
  ),
  counted AS (
    SELECT o.id, ow.customer_id, o.currency_code, o.created_at,
      COALESCE((s.totals->>'original_order_total')::numeric, 0) AS total,
      COALESCE((s.totals->>'refunded_total')::numeric, 0) AS refunded,
      COALESCE((SELECT SUM(oi.quantity) FROM order_item oi
        WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL), 0) AS items
    FROM owned ow
    JOIN "order" o ON o.id = ow.order_id
    JOIN LATERAL (
      SELECT totals FROM order_summary s
      WHERE s.order_id = o.id AND s.deleted_at IS NULL
      ORDER BY s.version DESC LIMIT 1
    ) s ON true
    WHERE o.deleted_at IS NULL
      AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
  )`

/** The day and month tables: one row per customer, currency and UTC day or month. */
const BUCKETS = [
  { table: "customer_metric_day", prefix: "cmday", column: "day", format: "YYYY-MM-DD" },
  { table: "customer_metric_month", prefix: "cmmon", column: "month", format: "YYYY-MM" },
] as const

const bucketInsertSql = (b: (typeof BUCKETS)[number]) => {
  const key = `to_char(created_at AT TIME ZONE 'UTC', '${b.format}')`
  return `WITH ${ORDERS_CTE}
    INSERT INTO ${b.table} (id, customer_id, currency_code, ${b.column}, orders, items, net_sales, raw_net_sales)
    SELECT '${b.prefix}_' || replace(gen_random_uuid()::text, '-', ''), customer_id, currency_code,
      ${key}, COUNT(*), SUM(items), SUM(total - refunded), ${raw("SUM(total - refunded)")}
    FROM counted GROUP BY customer_id, currency_code, ${key}`
}

const withCustomers = (sql: string, count: number) => sql.replace("/*customers*/", placeholders(count))

/**
 * Customer metrics, derived from Medusa's orders with set-based SQL: the same statements serve one
 * customer (within a second of an order event) and all of them (the rebuild, page by page), so both
 * paths give identical rows.
 */
class CustomerInsightModuleService extends MedusaService({
  CustomerMetric,
  CustomerMetricDay,
  CustomerMetricMonth,
  InsightRebuild,
}) {
  /** Recomputes the customers' metrics, day and month rows from their orders. */
  @InjectManager()
  async recomputeCustomers(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const ids = [...new Set(customerIds)].sort()
    if (!ids.length) {
      return 0
    }
    return await this.recomputeCustomers_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async recomputeCustomers_(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const manager = sharedContext.transactionManager as any
    // One writer per customer at a time (another instance, a rebuild page): they queue here
    // instead of inserting the same rows twice. Sorted ids, so two writers never deadlock.
    await manager.execute(
      `SELECT pg_advisory_xact_lock(hashtext('medusa-crm:insight:' || id)) FROM unnest(ARRAY[${placeholders(ids.length)}]::text[]) AS id ORDER BY id`,
      ids
    )
    for (const table of ["customer_metric", "customer_metric_day", "customer_metric_month"]) {
      await manager.execute(`DELETE FROM ${table} WHERE customer_id IN (${placeholders(ids.length)})`, ids)
    }
    const [{ count }] = await manager.execute(
      withCustomers(
        `WITH ${ORDERS_CTE}
        , inserted AS (
          INSERT INTO customer_metric (id, customer_id, currency_code, orders, visits, items,
            lifetime_value, raw_lifetime_value, refunded, raw_refunded, first_order_at, last_order_at, computed_at)
          SELECT 'cmet_' || replace(gen_random_uuid()::text, '-', ''), customer_id, currency_code,
            COUNT(*), COUNT(DISTINCT (created_at AT TIME ZONE 'UTC')::date), SUM(items),
            SUM(total - refunded), ${raw("SUM(total - refunded)")},
            SUM(refunded), ${raw("SUM(refunded)")},
            MIN(created_at), MAX(created_at), now()
          FROM counted GROUP BY customer_id, currency_code
          RETURNING 1
        )
        SELECT COUNT(*) AS count FROM inserted`,
        ids.length
      ),
      ids
    )
    for (const bucket of BUCKETS) {
      await manager.execute(withCustomers(bucketInsertSql(bucket), ids.length), ids)
    }
    return Number(count)
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
           SELECT currency_code, orders, visits, items, lifetime_value, refunded, first_order_at, last_order_at, computed_at
           FROM customer_metric WHERE customer_id = ? AND deleted_at IS NULL) m) AS totals,
         (SELECT COALESCE(json_agg(d), '[]'::json) FROM (
           SELECT currency_code, day, orders, items, net_sales FROM customer_metric_day
           WHERE customer_id = ? AND deleted_at IS NULL
             AND (?::text IS NULL OR day >= ?) AND (?::text IS NULL OR day <= ?)) d) AS days,
         (SELECT COALESCE(json_agg(mo), '[]'::json) FROM (
           SELECT currency_code, month, orders, items, net_sales FROM customer_metric_month
           WHERE customer_id = ? AND deleted_at IS NULL AND month >= ? AND month <= ?) mo) AS months`,
      [customerId, customerId, days.from, days.from, days.to, days.to, customerId, months.from, months.to]
    )
    return { totals: row.totals as Row[], days: row.days as Row[], months: row.months as Row[] }
  }

  /**
   * Live customers that have orders, and customers with metric rows (a deleted customer's left
   * over are removed when recomputed), by id after `afterId`: the rebuild's pages.
   */
  @InjectManager()
  async listCustomersToRebuild(
    afterId: string,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `SELECT customer_id FROM (
         SELECT DISTINCT o.customer_id FROM "order" o
         JOIN customer cu ON cu.id = o.customer_id AND cu.deleted_at IS NULL
         WHERE o.deleted_at IS NULL
         UNION
         SELECT DISTINCT customer_id FROM customer_metric
       ) c WHERE customer_id > ? ORDER BY customer_id LIMIT ?`,
      [afterId, limit]
    )
    return rows.map((r) => r.customer_id as string)
  }

  /** How many customers a rebuild will go through. */
  @InjectManager()
  async countCustomersToRebuild(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const [row]: Row[] = await (sharedContext.manager as any).execute(
      `SELECT COUNT(*) AS count FROM (
         SELECT DISTINCT o.customer_id FROM "order" o
         JOIN customer cu ON cu.id = o.customer_id AND cu.deleted_at IS NULL
         WHERE o.deleted_at IS NULL
         UNION
         SELECT DISTINCT customer_id FROM customer_metric
       ) c`
    )
    return Number(row.count)
  }
}

export default CustomerInsightModuleService
