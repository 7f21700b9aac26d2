// Benchmark part "customer-page": the plugin routes the admin's customer page calls, for a
// customer with 200 orders, beside Medusa's own order list of that customer on the same app in the
// same run; then the same routes on a small store holding only that customer (the same rows), to
// show no figure grows with the store's size.
//
// The customer: the data set's customer with the most orders, topped up to CUSTOMER_ORDERS by
// copying other customers' orders (order, summary, item, line item: every column, new ids), then
// their metrics recomputed by the plugin itself (a customer update runs its refresh subscriber).
// Each route: two warm-up calls, then the median of `runs` calls, one after the other.
import { adminHeaders, apiClient, createDatabase, databaseNameOf, dropDatabase, median, migrate, sleep, startApp, withDb } from "../lib/host-app.mjs"

const CUSTOMER_ORDERS = 200
const TARGET_MS = 100

/** The routes the customer page calls, with the query its hooks send (src/admin/hooks/api). */
const pluginRoutes = (id) => [
  ["timeline", `/admin/customers/${id}/timeline?limit=20&offset=0`],
  ["transactions", `/admin/customers/${id}/transactions?limit=10&offset=0`],
  ["loyalty", `/admin/customers/${id}/loyalty?limit=20&offset=0`],
  ["metrics", `/admin/customers/${id}/metrics`],
  ["tags", `/admin/customers/${id}/tags`],
]
/** What the dashboard's customer page asks Medusa for (customer-order-section.tsx). */
const nativeOrders = (id) =>
  `/admin/orders?customer_id=${id}&limit=10&offset=0&fields=${encodeURIComponent(
    "id,status,display_id,created_at,email,fulfillment_status,payment_status,total,currency_code,*customer,*items,*sales_channel,*payment_collections,+shipping_address.country_code"
  )}`

async function columns(c, table) {
  const { rows } = await c.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table]
  )
  return rows.map((r) => r.column_name)
}

/** Copies `table`'s rows chosen by `where` with the columns in `overrides` replaced (SQL expressions). */
async function copyRows(c, table, where, overrides, params) {
  const cols = (await columns(c, table)).filter((col) => overrides[col] !== null)
  const list = cols.map((col) => `"${col}"`).join(", ")
  const values = cols.map((col) => overrides[col] ?? `"${col}"`).join(", ")
  await c.query(`INSERT INTO "${table}" (${list}) SELECT ${values} FROM "${table}" WHERE ${where}`, params)
}

/** Tops the busiest customer up to CUSTOMER_ORDERS orders. Returns the customer id. */
async function customerWithOrders(databaseUrl) {
  return withDb(databaseUrl, async (c) => {
    const {
      rows: [top],
    } = await c.query(`SELECT customer_id, COUNT(*)::int AS n FROM "order" WHERE customer_id IS NOT NULL AND deleted_at IS NULL
      GROUP BY customer_id ORDER BY n DESC, customer_id LIMIT 1`)
    const missing = CUSTOMER_ORDERS - top.n
    if (missing > 0) {
      // Other customers' orders, spread over the data set, copied with ids `<id>_cp` onto this customer.
      await c.query(`CREATE TEMP TABLE copied AS SELECT id FROM "order" WHERE customer_id <> $1 AND deleted_at IS NULL
        ORDER BY md5(id) LIMIT $2`, [top.customer_id, missing])
      await copyRows(c, "order", `id IN (SELECT id FROM copied)`, { id: `id || '_cp'`, customer_id: "$1", display_id: null }, [top.customer_id])
      await copyRows(c, "order_summary", `order_id IN (SELECT id FROM copied)`, { id: `id || '_cp'`, order_id: `order_id || '_cp'` })
      await copyRows(c, "order_line_item", `id IN (SELECT item_id FROM order_item WHERE order_id IN (SELECT id FROM copied))`, { id: `id || '_cp'` })
      await copyRows(c, "order_item", `order_id IN (SELECT id FROM copied)`, {
        id: `id || '_cp'`,
        order_id: `order_id || '_cp'`,
        item_id: `item_id || '_cp'`,
      })
    }
    const {
      rows: [{ n }],
    } = await c.query(`SELECT COUNT(*)::int AS n FROM "order" WHERE customer_id = $1 AND deleted_at IS NULL`, [top.customer_id])
    return { customerId: top.customer_id, orders: n }
  })
}

/** The plugin recomputes the customer's metrics after a customer update; waits for it. */
async function refreshMetrics(api, databaseUrl, customerId) {
  const since = await withDb(databaseUrl, (c) => c.query("SELECT now() AS t").then((r) => r.rows[0].t))
  await api.post(`/admin/customers/${customerId}`, { metadata: { bench: "customer-page" } })
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const done = await withDb(databaseUrl, (c) =>
      c
        .query(`SELECT SUM(orders)::int AS orders FROM customer_metric WHERE customer_id = $1 AND computed_at >= $2`, [customerId, since])
        .then((r) => r.rows[0].orders)
    )
    if (done) return done
    await sleep(200)
  }
  throw new Error(`the metrics of ${customerId} were not recomputed within 120 s`)
}

/** The tables holding what the customer page shows, and which rows belong to the customer. */
const CUSTOMER_ROWS = [
  ["customer", "id = $1"],
  ["customer_address", "customer_id = $1"],
  ["order", "customer_id = $1"],
  ["order_summary", `order_id IN (SELECT id FROM "order" WHERE customer_id = $1)`],
  ["order_line_item", `id IN (SELECT item_id FROM order_item WHERE order_id IN (SELECT id FROM "order" WHERE customer_id = $1))`],
  ["order_item", `order_id IN (SELECT id FROM "order" WHERE customer_id = $1)`],
  ["customer_tag_definition", "true"],
  ["customer_tag", "customer_id = $1"],
  ["customer_group", "true"],
  ["customer_group_customer", "customer_id = $1"],
  ["loyalty_account", "customer_id = $1"],
  ["loyalty_entry", "customer_id = $1"],
  ["membership_plan", "true"],
  ["membership", "customer_id = $1"],
  ["customer_metric", "customer_id = $1"],
  ["customer_metric_day", "customer_id = $1"],
  ["customer_metric_month", "customer_id = $1"],
  ["customer_store", "customer_id = $1"],
  ["sales_channel", "id IN (SELECT sales_channel_id FROM customer_store WHERE customer_id = $1)"],
  ["privacy_consent_purpose", "true"],
  ["privacy_consent", "customer_id = $1"],
  ["customer_note", "customer_id = $1"],
]

/** A fresh, migrated database holding only the customer's rows, copied from the big one. */
async function smallStore(bigUrl, adminUrl, customerId) {
  const name = `${databaseNameOf(bigUrl)}_small`
  const smallUrl = await createDatabase(adminUrl, name)
  try {
    migrate(smallUrl)
    await withDb(bigUrl, (big) =>
      withDb(smallUrl, async (small) => {
        for (const [table, where] of CUSTOMER_ROWS) {
          const { rows } = await big.query(`SELECT COALESCE(json_agg(t), '[]') AS rows FROM "${table}" t WHERE ${where}`, where.includes("$1") ? [customerId] : [])
          await small.query(
            `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1) ON CONFLICT DO NOTHING`,
            [JSON.stringify(rows[0].rows)]
          )
        }
      })
    )
  } catch (e) {
    await dropDatabase(adminUrl, name)
    throw e
  }
  return { smallUrl, name }
}

/** Median time of each path over `runs` calls after two warm-up calls. */
async function timeRoutes(api, routes, runs) {
  const out = {}
  for (const [label, path] of routes) {
    await api.timed(path)
    await api.timed(path)
    const times = []
    for (let i = 0; i < runs; i++) times.push((await api.timed(path)).ms)
    out[label] = median(times)
  }
  return out
}

async function measure(databaseUrl, customerId, runs, log, { refresh }) {
  const app = await startApp({ databaseUrl })
  try {
    const api = apiClient(app.baseUrl, await adminHeaders(databaseUrl))
    if (refresh) log(`metrics recomputed by the plugin: ${await refreshMetrics(api, databaseUrl, customerId)} orders counted`)
    const routes = [...pluginRoutes(customerId), ["native orders", nativeOrders(customerId)]]
    const timings = await timeRoutes(api, routes, runs)
    const count = (await api.get(`/admin/customers/${customerId}/transactions?limit=1`)).count
    return { timings, peakMb: app.peakMb(), count }
  } finally {
    await app.stop()
  }
}

export async function run({ databaseUrl, adminDatabaseUrl, report, runs, log }) {
  const { customerId, orders } = await customerWithOrders(databaseUrl)
  const { rows: [size] } = await withDb(databaseUrl, (c) =>
    c.query(`SELECT (SELECT COUNT(*) FROM customer)::int AS customers, (SELECT COUNT(*) FROM "order")::int AS orders`)
  )
  log(`customer ${customerId} with ${orders} orders; store of ${size.customers} customers, ${size.orders} orders`)
  const big = await measure(databaseUrl, customerId, runs, log, { refresh: true })
  log(`big store: ${JSON.stringify(big.timings)} (transactions count ${big.count})`)

  const { smallUrl, name } = await smallStore(databaseUrl, adminDatabaseUrl, customerId)
  let small
  try {
    small = await measure(smallUrl, customerId, runs, log, { refresh: false })
    log(`small store (only this customer): ${JSON.stringify(small.timings)} (transactions count ${small.count})`)
  } finally {
    await dropDatabase(adminDatabaseUrl, name)
  }

  const native = big.timings["native orders"]
  const round = (ms) => Math.round(ms * 10) / 10
  for (const [label] of pluginRoutes(customerId)) {
    const ms = big.timings[label]
    const growth = ms / small.timings[label]
    report({
      what: `customer page: ${label}, customer with ${orders} orders`,
      value: round(ms),
      unit: "ms",
      baseline: "GET /admin/orders?customer_id=",
      baseline_value: round(native),
      target: `< ${TARGET_MS} ms`,
      ok: ms < TARGET_MS,
      runs,
      peak_mb: big.peakMb,
      note: `${size.customers} customers / ${size.orders} orders vs a store of this customer alone: ${round(small.timings[label])} ms (${growth.toFixed(2)}x)`,
    })
  }
  report({
    what: `customer page: Medusa's GET /admin/orders?customer_id=, customer with ${orders} orders`,
    value: round(native),
    unit: "ms",
    runs,
    peak_mb: big.peakMb,
    note: `store of this customer alone: ${round(small.timings["native orders"])} ms (${(native / small.timings["native orders"]).toFixed(2)}x)`,
  })
}
