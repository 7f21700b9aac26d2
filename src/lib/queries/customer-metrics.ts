import type { CustomerMetricRows } from "../../modules/customer-insight"
import { PERSON_RECORDS_CTE } from "./person-records"
import { selectRows, type SqlSource } from "./sql"

/**
 * The orders that count, one row per customer and order: placed (not drafts), not canceled, paid
 * or not, with their total as placed, what was captured (paid) and refunded, and their items. Totals come from the order's latest
 * summary. An order counts for a customer when it sits on any record of the person
 * (`PERSON_RECORDS_CTE`). Only live customers are targets: a deleted customer's orders stay filed
 * under them, but they have no metrics.
 */
const COUNTED_ORDERS_CTE = `
  ${PERSON_RECORDS_CTE},
  counted AS (
    SELECT o.id, pr.customer_id, o.currency_code, o.created_at,
      COALESCE((s.totals->>'original_order_total')::numeric, 0) AS total,
      COALESCE((s.totals->>'paid_total')::numeric, 0) AS paid,
      COALESCE((s.totals->>'refunded_total')::numeric, 0) AS refunded,
      COALESCE((SELECT SUM(oi.quantity) FROM order_item oi
        WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL), 0) AS items
    FROM person_records pr
    JOIN customer t ON t.id = pr.customer_id AND t.deleted_at IS NULL
    -- Each record's orders through the customer_id index. OFFSET 0 keeps the planner from
    -- flattening this into a join over every order: it cannot estimate how few records a page
    -- has (the e-mail match), and at 300k orders the hash join over all of them cost 2 s a page.
    CROSS JOIN LATERAL (
      SELECT o.id, o.currency_code, o.created_at, o.version FROM "order" o
      WHERE o.customer_id = pr.record_id AND o.deleted_at IS NULL
        AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
      OFFSET 0
    ) o
    CROSS JOIN LATERAL (
      SELECT totals FROM order_summary s
      WHERE s.order_id = o.id AND s.deleted_at IS NULL
      ORDER BY s.version DESC LIMIT 1
    ) s
  )`

/** One customer, currency and UTC day or month. Amounts as text, so no digit is lost on the way. */
const bucketSql = (format: string, column: string) => `
  SELECT COALESCE(json_agg(b), '[]'::json) FROM (
    SELECT customer_id, currency_code, to_char(created_at AT TIME ZONE 'UTC', '${format}') AS ${column},
      COUNT(*) AS orders, SUM(items)::text AS items, SUM(total)::text AS sales,
      SUM(total - refunded)::text AS net_sales
    FROM counted GROUP BY 1, 2, 3
  ) b`

/**
 * The customers' metrics derived from Medusa's orders, set-based, in one statement: totals per
 * customer and currency, and day and month rows. The same statement serves one customer (after an
 * order event) and a rebuild page, so both paths give identical rows. Reads the customer, order,
 * order_summary, order_item and customer_alternate_email tables.
 */
export async function computeCustomerMetrics(source: SqlSource, customerIds: string[]): Promise<CustomerMetricRows> {
  if (!customerIds.length) {
    return { totals: [], days: [], months: [] }
  }
  const [row] = await selectRows(
    source,
    `WITH ${COUNTED_ORDERS_CTE}
     SELECT
       (SELECT COALESCE(json_agg(m), '[]'::json) FROM (
         SELECT customer_id, currency_code, COUNT(*) AS orders,
           COUNT(DISTINCT (created_at AT TIME ZONE 'UTC')::date) AS visits, SUM(items)::text AS items,
           SUM(total)::text AS sales, SUM(paid)::text AS paid,
           SUM(paid - refunded)::text AS lifetime_value, SUM(refunded)::text AS refunded,
           MIN(created_at) AS first_order_at, MAX(created_at) AS last_order_at
         FROM counted GROUP BY customer_id, currency_code
       ) m) AS totals,
       (${bucketSql("YYYY-MM-DD", "day")}) AS days,
       (${bucketSql("YYYY-MM", "month")}) AS months`,
    { customer_ids: customerIds }
  )
  return row as CustomerMetricRows
}

/** Live customers that have orders, and customers with metric rows (a deleted customer's leftovers). */
const CUSTOMERS_TO_REBUILD = `
  SELECT DISTINCT o.customer_id FROM "order" o
  JOIN customer cu ON cu.id = o.customer_id AND cu.deleted_at IS NULL
  WHERE o.deleted_at IS NULL
  UNION
  SELECT DISTINCT customer_id FROM customer_metric`

/**
 * The rebuild's pages: the customers to recompute (as `CUSTOMERS_TO_REBUILD`), by id after
 * `afterId`. Each side walks its index from `afterId` and stops after `limit`, so a page costs the
 * same at the first customer and the last, however many orders the store has.
 */
export async function listCustomersToRebuild(source: SqlSource, afterId: string, limit: number): Promise<string[]> {
  const rows = await selectRows(
    source,
    `SELECT customer_id FROM (
       (SELECT cu.id AS customer_id FROM customer cu
        WHERE cu.id > :after_id AND cu.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM "order" o WHERE o.customer_id = cu.id AND o.deleted_at IS NULL)
        ORDER BY cu.id LIMIT :limit)
       UNION
       (SELECT DISTINCT customer_id FROM customer_metric WHERE customer_id > :after_id
        ORDER BY customer_id LIMIT :limit)
     ) c ORDER BY customer_id LIMIT :limit`,
    { after_id: afterId, limit }
  )
  return rows.map((r) => r.customer_id as string)
}

/** How many customers a rebuild will go through. */
export async function countCustomersToRebuild(source: SqlSource): Promise<number> {
  const [row] = await selectRows(source, `SELECT COUNT(*) AS count FROM (${CUSTOMERS_TO_REBUILD}) c`)
  return Number(row.count)
}
