// `npm run gen:scale -- --check` (and the end of every build): does Medusa accept the data set, and
// do the plugin's rows match a recount from the orders? It boots the app on the database, signs in
// as an admin (created with `medusa user` when missing) and, through the admin HTTP routes:
//   1. lists customers and orders (the counts must be the database's);
//   2. opens 20 random customers and 20 random orders (200s), and compares each order's totals as
//      Medusa computes them on read (total, subtotal, tax, shipping, per item) with the generator's:
//      its stored summary and a recount from the order's line, tax and shipping rows;
//   3. for a random sample of customers (100), recounts from their orders as Medusa lists them
//      (order count, items, sales, paid, refunded, lifetime value, first and last order date per
//      currency; points by the program's earn rule; memberships bought by plan lines) and compares
//      with the plugin's routes (metrics, loyalty, memberships), and its tags and consents routes
//      with the rows in the database.
// Every mismatch is printed; the caller exits 1 when there is any.
import pg from "pg"
import { ADMIN_EMAIL, ADMIN_PASSWORD, medusaSync, startMedusa, waitForHealth } from "./demo-db.mjs"
import { freePort } from "./embedded-pg.mjs"
import { progressBar } from "./list-dataset.mjs"

const OPEN = 20
const PARALLEL = 4
/** Money is compared to a millionth: Medusa's JSON numbers are floats of exact decimals. */
const close = (a, b) => Math.abs(Number(a) - Number(b)) < 1e-6
/** The metrics routes show amounts in cents: compared to the recount rounded to cents. */
const closeCents = (a, b) => Math.abs(Number(a) - Math.round(Number(b) * 100) / 100) < 0.0051

/** The plugin's earn rule (src/lib/loyalty.ts `pointsForAmount`): rate x base, rounded down. */
const pointsForAmount = (base, rate) => Math.max(0, Math.floor(base * rate + 1e-9))
/** The plugin's refund rule (src/lib/loyalty.ts `pointsToReverseForRefund`). */
function pointsToReverseForRefund(earned, refunded, total) {
  if (earned <= 0 || refunded <= 0) return 0
  if (total <= 0 || refunded >= total) return earned
  return Math.min(earned, Math.floor((earned * refunded) / total + 1e-9))
}
/** The plugin's `addMonths` (src/lib/loyalty.ts): the day kept where the month has it. */
function addMonths(from, months) {
  const result = new Date(from)
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await fn(items[i], i)
      }
    })
  )
  return results
}

/**
 * Checks the data set in `databaseUrl` through the app. Returns the number of mismatches.
 * @param {string} databaseUrl
 * @param {{ sample?: number, port?: number }} opts
 */
export async function checkDataset(databaseUrl, opts = {}) {
  const sample = opts.sample ?? 100
  const problems = []
  const problem = (what) => {
    problems.push(what)
    console.log(`\n  MISMATCH ${what}`)
  }
  // A pool: the sampled customers are checked a few at a time.
  const db = new pg.Pool({ connectionString: databaseUrl, max: PARALLEL })
  let medusa = null
  try {
    try {
      medusaSync(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { DATABASE_URL: databaseUrl }, { stdio: "ignore" })
    } catch {
      // the admin exists already
    }
    // A port nobody uses (another app answering /health there would be checked instead).
    const port = await freePort(opts.port ?? 0)
    const baseUrl = `http://localhost:${port}`
    const bootStarted = Date.now()
    process.stdout.write("Check: starting the app… ")
    medusa = startMedusa(databaseUrl, { port, stdio: "ignore", env: { NODE_ENV: "development" } })
    await waitForHealth(baseUrl, 300_000, medusa.child)
    console.log(`up in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s`)
    const login = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    const { token } = await login.json()
    if (!token) throw new Error(`Could not sign in as ${ADMIN_EMAIL} (${login.status})`)
    const get = async (route) => {
      const res = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } })
      const body = await res.json().catch(() => null)
      return { status: res.status, body }
    }
    const getOk = async (route) => {
      const res = await get(route)
      if (res.status !== 200) {
        problem(`GET ${route} answered ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`)
        return null
      }
      return res.body
    }
    const one = async (sql, values) => (await db.query(sql, values)).rows

    // 1. The lists.
    const [{ customers, orders }] = await one(`SELECT
      (SELECT COUNT(*)::int FROM customer WHERE deleted_at IS NULL) AS customers,
      (SELECT COUNT(*)::int FROM "order" WHERE deleted_at IS NULL AND is_draft_order = false) AS orders`)
    const customerList = await getOk("/admin/customers?limit=20&fields=id,email")
    if (customerList && customerList.count !== customers) {
      problem(`GET /admin/customers counts ${customerList.count} customers, the database ${customers}`)
    }
    const orderList = await getOk("/admin/orders?limit=20&fields=id,total")
    if (orderList && orderList.count !== orders) {
      problem(`GET /admin/orders counts ${orderList.count} orders, the database ${orders}`)
    }
    console.log(`  lists: ${customerList?.count} customers, ${orderList?.count} orders`)

    // 2. Open customers and orders; order totals as Medusa computes them vs the generator's.
    const someCustomers = await one(
      `SELECT id, email FROM customer WHERE id LIKE 'cus_bl%' AND deleted_at IS NULL ORDER BY random() LIMIT $1`,
      [OPEN]
    )
    await mapLimit(someCustomers, PARALLEL, async (c) => {
      const body = await getOk(`/admin/customers/${c.id}`)
      if (body && body.customer?.email !== c.email) problem(`customer ${c.id}: e-mail ${body.customer?.email}, expected ${c.email}`)
    })
    const someOrders = await one(
      `SELECT o.id, s.totals FROM "order" o JOIN order_summary s ON s.order_id = o.id AND s.version = o.version
       WHERE o.id LIKE 'order_bl%' ORDER BY random() LIMIT $1`,
      [OPEN]
    )
    await mapLimit(someOrders, PARALLEL, async (o) => {
      const body = await getOk(`/admin/orders/${o.id}`)
      if (!body) return
      const order = body.order
      const lines = await one(
        `SELECT li.id, li.unit_price::float8 AS unit_price, oi.quantity::float8 AS quantity, COALESCE(tl.rate, 0)::float8 AS rate
         FROM order_item oi JOIN order_line_item li ON li.id = oi.item_id
         LEFT JOIN order_line_item_tax_line tl ON tl.item_id = li.id
         WHERE oi.order_id = $1 AND oi.version = 1`,
        [o.id]
      )
      const ships = await one(
        `SELECT sm.amount::float8 AS amount, COALESCE(st.rate, 0)::float8 AS rate FROM order_shipping os
         JOIN order_shipping_method sm ON sm.id = os.shipping_method_id
         LEFT JOIN order_shipping_method_tax_line st ON st.shipping_method_id = sm.id WHERE os.order_id = $1`,
        [o.id]
      )
      const itemSubtotal = lines.reduce((s, l) => s + l.unit_price * l.quantity, 0)
      const itemTax = lines.reduce((s, l) => s + (l.unit_price * l.quantity * l.rate) / 100, 0)
      const shipping = ships.reduce((s, m) => s + m.amount, 0)
      const shippingTax = ships.reduce((s, m) => s + (m.amount * m.rate) / 100, 0)
      const expected = {
        total: itemSubtotal + itemTax + shipping + shippingTax,
        subtotal: itemSubtotal + shipping,
        tax_total: itemTax + shippingTax,
        item_subtotal: itemSubtotal,
        item_tax_total: itemTax,
        item_total: itemSubtotal + itemTax,
        shipping_subtotal: shipping,
        shipping_total: shipping + shippingTax,
      }
      for (const [field, value] of Object.entries(expected)) {
        if (!close(order[field], value)) problem(`order ${o.id}: Medusa's ${field} ${order[field]}, recounted ${value}`)
      }
      for (const key of ["original_order_total", "current_order_total", "paid_total", "refunded_total", "pending_difference"]) {
        if (!close(order.summary?.[key], o.totals[key])) {
          problem(`order ${o.id}: Medusa's summary.${key} ${order.summary?.[key]}, the generator's ${o.totals[key]}`)
        }
      }
      if (!close(order.total, o.totals.original_order_total)) {
        problem(`order ${o.id}: Medusa's total ${order.total}, the generator's summary ${o.totals.original_order_total}`)
      }
      for (const line of lines) {
        const item = (order.items ?? []).find((i) => i.id === line.id)
        const sub = line.unit_price * line.quantity
        if (!item) problem(`order ${o.id}: item ${line.id} missing from Medusa's order`)
        else if (!close(item.subtotal, sub) || !close(item.total, sub * (1 + line.rate / 100))) {
          problem(`order ${o.id}: item ${line.id} subtotal/total ${item.subtotal}/${item.total}, recounted ${sub}/${sub * (1 + line.rate / 100)}`)
        }
      }
    })
    console.log(`  opened ${someCustomers.length} customers and ${someOrders.length} orders`)

    // 3. A sample of customers: the plugin's rows vs a recount from their orders.
    const [program] = await one(`SELECT rates FROM loyalty_program WHERE id = 'loyalty_program'`)
    const rateOf = (currency) => (program?.rates ?? []).find((r) => r.currency_code === currency)?.earn_points_per_unit ?? 0
    const plans = await one(`SELECT id, variant_id, duration_unit, duration_value FROM membership_plan WHERE variant_id IS NOT NULL AND deleted_at IS NULL`)
    const sampled = await one(`SELECT id FROM customer WHERE id LIKE 'cus_bl%' AND deleted_at IS NULL ORDER BY random() LIMIT $1`, [sample])
    let checked = 0
    process.stdout.write(`  recount ${progressBar(0, sampled.length)}`)
    await mapLimit(sampled, PARALLEL, async ({ id }) => {
      const fields = "id,status,created_at,currency_code,total,item_subtotal,discount_subtotal,summary,items.id,items.variant_id,items.quantity"
      const list = await getOk(`/admin/orders?customer_id=${id}&limit=1000&fields=${fields}`)
      const [metrics, loyalty, memberships, tags, consents] = await Promise.all([
        getOk(`/admin/customers/${id}/metrics`),
        getOk(`/admin/customers/${id}/loyalty`),
        getOk(`/admin/customers/${id}/memberships?limit=100`),
        getOk(`/admin/customers/${id}/tags`),
        getOk(`/admin/customers/${id}/consents`),
      ])
      if (!list || !metrics || !loyalty || !memberships || !tags || !consents) return
      const placed = list.orders.filter((o) => o.status !== "canceled")
      // Metrics per currency.
      const byCurrency = new Map()
      for (const o of placed) {
        const m = byCurrency.get(o.currency_code) ?? { orders: 0, items: 0, sales: 0, paid: 0, refunded: 0, first: null, last: null }
        m.orders++
        m.items += (o.items ?? []).reduce((s, i) => s + Number(i.quantity), 0)
        m.sales += Number(o.summary.original_order_total)
        m.paid += Number(o.summary.paid_total)
        m.refunded += Number(o.summary.refunded_total)
        const at = new Date(o.created_at).getTime()
        m.first = m.first === null ? at : Math.min(m.first, at)
        m.last = m.last === null ? at : Math.max(m.last, at)
        byCurrency.set(o.currency_code, m)
      }
      if (metrics.metrics.length !== byCurrency.size) {
        problem(`customer ${id}: ${metrics.metrics.length} metric rows, ${byCurrency.size} currencies with orders`)
      }
      for (const [currency, m] of byCurrency) {
        const row = metrics.metrics.find((r) => r.currency_code === currency)
        if (!row) continue
        const want = { orders: m.orders, items: m.items, sales: m.sales, paid: m.paid, refunded: m.refunded, lifetime_value: m.paid - m.refunded }
        for (const [field, value] of Object.entries(want)) {
          if (!closeCents(row[field], value)) problem(`customer ${id} ${currency}: metrics ${field} ${row[field]}, recounted ${value}`)
        }
        if (new Date(row.last_order_at).getTime() !== m.last) problem(`customer ${id} ${currency}: last order ${row.last_order_at}, recounted ${new Date(m.last).toISOString()}`)
        if (new Date(row.first_order_at).getTime() !== m.first) problem(`customer ${id} ${currency}: first order ${row.first_order_at}, recounted ${new Date(m.first).toISOString()}`)
      }
      // Points: every order earns on placement; a cancel takes it all back, a refund its share.
      let points = 0
      for (const o of list.orders) {
        const base = Math.max(0, Number(o.item_subtotal) - Number(o.discount_subtotal ?? 0))
        const earned = pointsForAmount(base, rateOf(o.currency_code))
        if (o.status === "canceled") continue
        const paid = Number(o.summary.paid_total)
        const refunded = Number(o.summary.refunded_total)
        points += earned - pointsToReverseForRefund(earned, refunded, paid || Number(o.total) + refunded)
      }
      const balance = loyalty.loyalty.balance
      if (balance.available + balance.pending !== points || balance.lifetime_earned !== points) {
        problem(`customer ${id}: points available ${balance.available} + pending ${balance.pending}, lifetime ${balance.lifetime_earned}; recounted ${points}`)
      }
      // Memberships: one per plan line of an order that stands, for the plan's period from the order.
      const bought = placed.flatMap((o) =>
        (o.items ?? []).flatMap((i) => {
          const plan = plans.find((p) => p.variant_id === i.variant_id)
          if (!plan) return []
          const periods = Math.max(1, Number(i.quantity) || 1)
          const months = (plan.duration_unit === "year" ? 12 : 1) * (plan.duration_value ?? 1) * periods
          const expires = addMonths(new Date(o.created_at), months)
          return [{ order_id: o.id, plan_id: plan.id, starts: new Date(o.created_at).getTime(), expires: expires.getTime(), status: expires <= new Date() ? "expired" : "active" }]
        })
      )
      const held = memberships.memberships.filter((m) => m.customer_id === id)
      if (held.length !== bought.length) {
        problem(`customer ${id}: ${held.length} memberships, ${bought.length} bought by orders`)
      }
      for (const b of bought) {
        const m = held.find((h) => h.order_id === b.order_id)
        if (!m) {
          problem(`customer ${id}: no membership for order ${b.order_id}`)
        } else if (m.plan?.id !== b.plan_id || m.status !== b.status || new Date(m.starts_at).getTime() !== b.starts || new Date(m.expires_at).getTime() !== b.expires) {
          problem(`customer ${id}: membership ${m.id} ${m.plan?.id} ${m.status} ${m.starts_at}..${m.expires_at}, expected ${b.plan_id} ${b.status} ${new Date(b.starts).toISOString()}..${new Date(b.expires).toISOString()}`)
        }
      }
      // Tags and consents: what the plugin's routes show is what the database holds.
      const [{ n: tagRows }] = await one(`SELECT COUNT(*)::int AS n FROM customer_tag WHERE customer_id = $1 AND deleted_at IS NULL`, [id])
      if (tags.count !== tagRows) problem(`customer ${id}: ${tags.count} tags shown, ${tagRows} in the database`)
      const latest = await one(
        `SELECT DISTINCT ON (purpose_id) purpose_id, granted FROM privacy_consent WHERE customer_id = $1 AND deleted_at IS NULL
         ORDER BY purpose_id, occurred_at DESC, created_at DESC`,
        [id]
      )
      for (const row of latest) {
        const shown = consents.consents.find((c) => c.purpose?.id === row.purpose_id)
        if (!shown || shown.granted !== row.granted) {
          problem(`customer ${id}: consent ${row.purpose_id} shown as ${shown?.granted}, the newest record says ${row.granted}`)
        }
      }
      checked++
      process.stdout.write(`\r  recount ${progressBar(checked, sampled.length)}`)
    })
    process.stdout.write("\n")
  } finally {
    await medusa?.stop()
    await db.end()
  }
  return problems.length
}
