// Benchmark part "freshness": how soon a customer's metrics show an order after `order.placed`,
// while orders are placed as fast as the box allows: SHOPPERS storefront shoppers (Medusa's JS
// SDK, each with an account) check out at the same time, one order after the other, the full cart
// flow with a payment collection and a session of Medusa's system provider. The plugin runs as in a
// store: the loyalty program is on, so every order also earns points, besides the metrics.
//
// Per order: freshness = the metrics row's updated_at (the first time it counts the order) minus
// the order's created_at, both server clocks; the baseline is the order's own placement, the
// `POST /store/carts/:id/complete` call as the shopper waits for it. p95 of both; a poller reads the
// metrics of the shoppers every POLL_MS and also gives when the order became visible to a reader.
import { adminHeaders, apiClient, createCheckoutStore, enableLoyalty, median, percentile, shopper, sleep, startApp, withDb } from "../lib/host-app.mjs"

const SHOPPERS = Number(process.env.BENCH_SHOPPERS || 8)
const ORDERS_EACH = Number(process.env.BENCH_ORDERS_EACH || 10)
const POLL_MS = 10
const TARGET_MS = 300

export async function run({ databaseUrl, report, log }) {
  const app = await startApp({ databaseUrl })
  const pending = new Map() // customer id -> [{ k, createdAt, completedAt, placementMs }]
  const results = []
  let polling = true
  try {
    const api = apiClient(app.baseUrl, await adminHeaders(databaseUrl))
    const store = await createCheckoutStore(api, "Freshness")
    await enableLoyalty(api)
    const shoppers = []
    for (let i = 0; i < SHOPPERS; i++) {
      const s = shopper(app.baseUrl, store)
      const customer = await s.register(`fresh-${Date.now()}-${i}@bench.test`)
      await s.checkout() // warm-up, not counted
      shoppers.push({ s, customerId: customer.id, placed: 1 })
    }
    await sleep(2_000) // let the warm-up orders' subscribers finish

    // The poller: one query for every shopper still waiting for an order to show.
    const poller = withDb(databaseUrl, async (c) => {
      while (polling || pending.size) {
        const ids = [...pending.keys()]
        if (ids.length) {
          const { rows } = await c.query(
            `SELECT customer_id, SUM(orders)::int AS orders, MAX(updated_at) AS updated_at FROM customer_metric
             WHERE customer_id = ANY($1) GROUP BY customer_id`,
            [ids]
          )
          const seenAt = Date.now()
          for (const row of rows) {
            const waiting = pending.get(row.customer_id) ?? []
            for (const o of waiting.filter((w) => row.orders >= w.k)) {
              results.push({
                ...o,
                freshnessMs: row.updated_at.getTime() - o.createdAt,
                visibleAfterCompleteMs: seenAt - o.completedAt,
              })
            }
            const left = waiting.filter((w) => row.orders < w.k)
            if (left.length) pending.set(row.customer_id, left)
            else pending.delete(row.customer_id)
          }
        }
        await sleep(POLL_MS)
      }
    })

    const started = Date.now()
    await Promise.all(
      shoppers.map(async (sh) => {
        for (let n = 0; n < ORDERS_EACH; n++) {
          const { order, placementMs, completedAt } = await sh.s.checkout()
          sh.placed++
          const list = pending.get(sh.customerId) ?? []
          list.push({ orderId: order.id, k: sh.placed, createdAt: new Date(order.created_at).getTime(), completedAt, placementMs })
          pending.set(sh.customerId, list)
        }
      })
    )
    const placingS = (Date.now() - started) / 1000
    const deadline = Date.now() + 60_000
    while (pending.size && Date.now() < deadline) await sleep(50)
    polling = false
    if (pending.size) {
      pending.clear()
      throw new Error("some orders did not show in the metrics within 60 s")
    }
    await poller

    const total = SHOPPERS * ORDERS_EACH
    const fresh = results.map((r) => r.freshnessMs)
    const placement = results.map((r) => r.placementMs)
    const visible = results.map((r) => r.visibleAfterCompleteMs)
    const p95 = percentile(fresh, 95)
    log(`${total} orders by ${SHOPPERS} shoppers in ${placingS.toFixed(1)} s (${(total / placingS).toFixed(1)} orders/s)`)
    log(`freshness (metrics updated_at - order created_at): median ${median(fresh)} ms, p95 ${p95} ms, max ${Math.max(...fresh)} ms`)
    log(`placement (complete call): median ${median(placement).toFixed(0)} ms, p95 ${percentile(placement, 95).toFixed(0)} ms`)
    log(`visible to a reader after the shopper got the order: median ${median(visible)} ms, p95 ${percentile(visible, 95)} ms`)
    report({
      what: `metrics fresh after order.placed, p95, ${SHOPPERS} concurrent checkouts`,
      value: p95,
      unit: "ms",
      baseline: "the order's placement (POST /store/carts/:id/complete), p95",
      baseline_value: Math.round(percentile(placement, 95)),
      target: `p95 < ${TARGET_MS} ms`,
      ok: p95 < TARGET_MS,
      runs: total,
      peak_mb: app.peakMb(),
      note: `${(total / placingS).toFixed(1)} orders/s; freshness median ${median(fresh)} ms, max ${Math.max(...fresh)} ms; placement median ${median(placement).toFixed(0)} ms; visible to a reader ${median(visible)} ms (median) / ${percentile(visible, 95)} ms (p95) after the shopper had the order`,
    })
  } finally {
    polling = false
    pending.clear()
    await app.stop()
  }
}
