import { selectRows, type SqlSource } from "./sql"

/**
 * Store-wide figures for Customers › Insights, read from the customers' metrics (the same rows the
 * customer page shows, so both agree): one row per live customer and currency in
 * `customer_metric`, one per customer, currency and month in `customer_metric_month`. Reads those
 * and Medusa's `customer` table; never the orders.
 */

/** The metric rows that count: live customers who bought something in `:currency`. */
const COUNTED = `
  counted AS (
    SELECT cm.customer_id, cm.orders, cm.lifetime_value, cm.first_order_at, cm.last_order_at, cm.computed_at,
      c.first_name, c.last_name, c.email, c.company_name
    FROM customer_metric cm
    JOIN customer c ON c.id = cm.customer_id AND c.deleted_at IS NULL
    WHERE cm.deleted_at IS NULL AND cm.currency_code = :currency AND cm.orders > 0
  )`

/** A list's columns; its ORDER BY names the counted.* columns (the amount here is text, which sorts as text). */
const CUSTOMER_COLUMNS = `customer_id AS id, first_name, last_name, email, company_name, orders,
  lifetime_value::text AS lifetime_value, last_order_at,
  floor(extract(epoch FROM (:now::timestamptz - last_order_at)) / 86400)::int AS days_since_last_order`

export type OverviewCustomerRow = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  company_name: string | null
  orders: number
  lifetime_value: string
  last_order_at: Date | string | null
  days_since_last_order: number | null
}

export type OverviewRows = {
  totals: { customers: number; repeat_customers: number; orders: number; lifetime_value: string | null; computed_at: string | null }
  top: OverviewCustomerRow[]
  months: { month: string; new_customers: number; returning_customers: number }[]
  buckets: { from_days: number; customers: number; lifetime_value: string | null }[]
  at_risk: OverviewCustomerRow[]
}

/** The currencies customers bought in, most customers first. */
export async function overviewCurrencies(source: SqlSource): Promise<string[]> {
  const rows = await selectRows(
    source,
    `SELECT cm.currency_code, COUNT(*) AS customers FROM customer_metric cm
     JOIN customer c ON c.id = cm.customer_id AND c.deleted_at IS NULL
     WHERE cm.deleted_at IS NULL AND cm.orders > 0
     GROUP BY cm.currency_code ORDER BY COUNT(*) DESC, cm.currency_code`
  )
  return rows.map((r) => String(r.currency_code))
}

/**
 * The figures of one currency, in one statement: totals, the top customers by lifetime value, new
 * and returning customers per month (`:months` months ending with the month of `:now`, UTC), the
 * at-risk buckets (90, 180, 365 days since the last order) and the customers at risk for
 * `:at_risk_days` or more. A customer is new in the month of their first order in this currency
 * and returning in every later month they ordered in.
 */
export async function readInsightsOverview(
  source: SqlSource,
  input: { currency: string; months: number; atRiskDays: number; limit: number; now: Date }
): Promise<OverviewRows> {
  const [row] = await selectRows(
    source,
    `WITH ${COUNTED},
     months AS (
       SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(
         date_trunc('month', :now::timestamptz AT TIME ZONE 'UTC') - make_interval(months => :months::int - 1),
         date_trunc('month', :now::timestamptz AT TIME ZONE 'UTC'),
         interval '1 month'
       ) AS m
     ),
     active AS (
       SELECT mm.month, mm.customer_id,
         mm.month = to_char(ct.first_order_at AT TIME ZONE 'UTC', 'YYYY-MM') AS is_new
       FROM customer_metric_month mm
       JOIN counted ct ON ct.customer_id = mm.customer_id
       WHERE mm.deleted_at IS NULL AND mm.currency_code = :currency AND mm.orders > 0
         AND mm.month >= (SELECT MIN(month) FROM months)
     )
     SELECT
       (SELECT json_build_object(
          'customers', COUNT(*), 'repeat_customers', COUNT(*) FILTER (WHERE orders >= 2),
          'orders', COALESCE(SUM(orders), 0), 'lifetime_value', COALESCE(SUM(lifetime_value), 0)::text,
          'computed_at', MIN(computed_at)) FROM counted) AS totals,
       (SELECT COALESCE(json_agg(t), '[]'::json) FROM (
          SELECT ${CUSTOMER_COLUMNS} FROM counted
          ORDER BY counted.lifetime_value DESC, counted.last_order_at DESC, counted.customer_id LIMIT :limit
        ) t) AS top,
       (SELECT json_agg(m ORDER BY m.month) FROM (
          SELECT months.month,
            COUNT(a.customer_id) FILTER (WHERE a.is_new) AS new_customers,
            COUNT(a.customer_id) FILTER (WHERE NOT a.is_new) AS returning_customers
          FROM months LEFT JOIN active a ON a.month = months.month
          GROUP BY months.month
        ) m) AS months,
       (SELECT json_agg(b ORDER BY b.from_days) FROM (
          SELECT f.from_days, COUNT(ct.customer_id) AS customers, COALESCE(SUM(ct.lifetime_value), 0)::text AS lifetime_value
          FROM (VALUES (90, 180), (180, 365), (365, NULL::int)) AS f(from_days, to_days)
          LEFT JOIN counted ct ON ct.last_order_at <= :now::timestamptz - make_interval(days => f.from_days)
            AND (f.to_days IS NULL OR ct.last_order_at > :now::timestamptz - make_interval(days => f.to_days))
          GROUP BY f.from_days
        ) b) AS buckets,
       (SELECT COALESCE(json_agg(r), '[]'::json) FROM (
          SELECT ${CUSTOMER_COLUMNS} FROM counted
          WHERE last_order_at <= :now::timestamptz - make_interval(days => :at_risk_days::int)
          ORDER BY counted.lifetime_value DESC, counted.last_order_at, counted.customer_id LIMIT :limit
        ) r) AS at_risk`,
    {
      currency: input.currency,
      months: input.months,
      at_risk_days: input.atRiskDays,
      limit: input.limit,
      now: input.now.toISOString(),
    }
  )
  return row as unknown as OverviewRows
}
