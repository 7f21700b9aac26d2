import { writeFile } from "node:fs/promises"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { rebuildCustomerInsights } from "../lib/insights-rebuild"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../modules/customer-insight"
import { progressBar } from "./rebuild-insights"

const scale = Number(process.env.BENCH_SCALE || 10)
const freshnessOrders = Number(process.env.BENCH_ORDERS || 20)

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function counts(knex: any) {
  const [{ orders }] = (await knex.raw(`SELECT COUNT(*)::int AS orders FROM "order" WHERE deleted_at IS NULL`)).rows
  const [{ customers }] = (
    await knex.raw(`SELECT COUNT(DISTINCT customer_id)::int AS customers FROM "order" WHERE deleted_at IS NULL`)
  ).rows
  return { orders, customers }
}

async function timedRebuild(container: MedusaContainer, label: string) {
  const started = Date.now()
  await rebuildCustomerInsights(container, (done, total) => {
    process.stdout.write(`\r${label} ${progressBar(done, total)}`)
  })
  process.stdout.write("\n")
  return Date.now() - started
}

/** The columns of a table, to copy its rows with new ids. */
async function columns(knex: any, table: string) {
  const { rows } = await knex.raw(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`,
    [table]
  )
  return rows.map((r: { column_name: string }) => r.column_name) as string[]
}

/**
 * Copies every order (with its summary and items) `times` times onto synthetic customers, spread
 * over the same dates: a store `times` + 1 as large for the rebuild to chew on.
 */
async function generateLargerSet(knex: any, times: number) {
  const orderCols = (await columns(knex, "order")).filter((c) => c !== "display_id")
  const summaryCols = await columns(knex, "order_summary")
  const itemCols = await columns(knex, "order_item")
  const pick = (cols: string[], overrides: Record<string, string>) =>
    cols.map((c) => overrides[c] ?? `"${c}"`).join(", ")
  for (let k = 1; k <= times; k++) {
    const suffix = `_bench${k}`
    await knex.raw(
      `INSERT INTO "order" (${orderCols.map((c) => `"${c}"`).join(", ")})
       SELECT ${pick(orderCols, { id: `id || '${suffix}'`, customer_id: `customer_id || '${suffix}'` })}
       FROM "order" WHERE id NOT LIKE '%\\_bench%' AND deleted_at IS NULL`
    )
    await knex.raw(
      `INSERT INTO order_summary (${summaryCols.map((c) => `"${c}"`).join(", ")})
       SELECT ${pick(summaryCols, { id: `id || '${suffix}'`, order_id: `order_id || '${suffix}'` })}
       FROM order_summary WHERE order_id NOT LIKE '%\\_bench%'`
    )
    await knex.raw(
      `INSERT INTO order_item (${itemCols.map((c) => `"${c}"`).join(", ")})
       SELECT ${pick(itemCols, { id: `id || '${suffix}'`, order_id: `order_id || '${suffix}'` })}
       FROM order_item WHERE order_id NOT LIKE '%\\_bench%'`
    )
    process.stdout.write(`\rGenerating a larger set ${progressBar(k, times)}`)
  }
  process.stdout.write("\n")
}

/**
 * Freshness: the time from `order.placed` being emitted to the customer's metrics showing the
 * order, through Medusa's event bus and the plugin's subscribers (all of them, as in a running
 * store: stores, loyalty, memberships and insights), for `freshnessOrders` new orders; the median.
 */
async function freshness(container: MedusaContainer, knex: any) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const service: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
  const { rows: template } = await knex.raw(
    `SELECT o.customer_id, o.region_id, o.sales_channel_id, o.email, o.currency_code, li.variant_id
     FROM "order" o JOIN order_item oi ON oi.order_id = o.id JOIN order_line_item li ON li.id = oi.item_id
     WHERE o.deleted_at IS NULL AND o.customer_id IS NOT NULL AND o.id NOT LIKE '%\\_bench%' AND li.variant_id IS NOT NULL
     LIMIT ?`,
    [freshnessOrders]
  )
  const delays: number[] = []
  for (const [i, t] of template.entries()) {
    const before = (await service.listCustomerMetrics({ customer_id: t.customer_id, currency_code: t.currency_code }))[0]
    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: t.region_id,
        sales_channel_id: t.sales_channel_id,
        customer_id: t.customer_id,
        email: t.email,
        currency_code: t.currency_code,
        items: [{ variant_id: t.variant_id, quantity: 1 }],
      } as any,
    })
    const emitted = Date.now()
    await eventBus.emit({ name: "order.placed", data: { id: order.id } })
    for (;;) {
      const [now] = await service.listCustomerMetrics({ customer_id: t.customer_id, currency_code: t.currency_code })
      if (now && now.orders > (before?.orders ?? 0)) {
        break
      }
      if (Date.now() - emitted > 30_000) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `order ${order.id} did not show in the metrics within 30 s`)
      }
      await new Promise((r) => setTimeout(r, 5))
    }
    delays.push(Date.now() - emitted)
    process.stdout.write(`\rFreshness ${progressBar(i + 1, template.length)}`)
  }
  process.stdout.write("\n")
  return delays
}

/** Aborts a rebuild that ran past the time allowed (see `benchScale`). */
class PastTimeLimit extends Error {
  constructor(
    readonly processed: number,
    readonly total: number
  ) {
    super(`stopped after ${processed} of ${total} customers`)
  }
}

/**
 * The metrics' totals of every customer in one aggregate SELECT over the same orders the rebuild
 * reads (orders not canceled nor drafts, the latest summary's totals, items from order_item),
 * grouped by customer and currency: what the database alone needs for the numbers. Counted on the
 * server, so no rows travel.
 */
const AGGREGATE_SQL = `SELECT COUNT(*)::int AS groups FROM (
  SELECT o.customer_id, o.currency_code, COUNT(*) AS orders, COUNT(DISTINCT (o.created_at AT TIME ZONE 'UTC')::date) AS visits,
    SUM(COALESCE((s.totals->>'original_order_total')::numeric, 0)) AS sales,
    SUM(COALESCE((s.totals->>'paid_total')::numeric, 0)) AS paid,
    SUM(COALESCE((s.totals->>'refunded_total')::numeric, 0)) AS refunded,
    SUM(COALESCE((SELECT SUM(oi.quantity) FROM order_item oi WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL), 0)) AS items,
    MIN(o.created_at) AS first_order_at, MAX(o.created_at) AS last_order_at
  FROM "order" o
  JOIN LATERAL (SELECT totals FROM order_summary s WHERE s.order_id = o.id AND s.deleted_at IS NULL ORDER BY s.version DESC LIMIT 1) s ON true
  WHERE o.customer_id IS NOT NULL AND o.deleted_at IS NULL AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
  GROUP BY o.customer_id, o.currency_code) grouped`

/**
 * `BENCH_INSIGHTS_MODE=scale` (part `insights` of `npm run bench`, on a copy of the scale data
 * set): the full rebuild of every customer's metrics, up to BENCH_INSIGHTS_RUNS times while the
 * rebuilds so far took under BENCH_INSIGHTS_BUDGET_S, beside the aggregate SELECT as often; a
 * rebuild still running after BENCH_INSIGHTS_MAX_S is stopped and its time projected from its
 * progress. Writes the figures to BENCH_INSIGHTS_RESULT as JSON.
 */
async function benchScale(container: MedusaContainer, resultPath: string) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const runs = Math.max(1, Number(process.env.BENCH_INSIGHTS_RUNS || 3))
  const budgetMs = Number(process.env.BENCH_INSIGHTS_BUDGET_S || 120) * 1000
  const maxMs = Number(process.env.BENCH_INSIGHTS_MAX_S || 300) * 1000
  const size = await counts(knex)

  const aggregate: number[] = []
  let groups = 0
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    groups = (await knex.raw(AGGREGATE_SQL)).rows[0].groups
    aggregate.push(performance.now() - started)
  }
  console.log(`Aggregate SELECT: ${secs(median(aggregate))} (median of ${runs}), ${groups} customer-currency totals`)

  const rebuilds: { ms: number; peak_mb: number; processed: number; total: number; projected: boolean }[] = []
  let spent = 0
  while (rebuilds.length < runs && (rebuilds.length === 0 || spent < budgetMs)) {
    const start = process.memoryUsage().rss
    let peak = start
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 20)
    const started = performance.now()
    let processed = 0
    let total = 0
    let projected = false
    try {
      await rebuildCustomerInsights(container, (done, all) => {
        processed = done
        total = all
        process.stdout.write(`\rRebuild ${rebuilds.length + 1} ${progressBar(done, all)}`)
        if (performance.now() - started > maxMs && done < all) {
          throw new PastTimeLimit(done, all)
        }
      })
    } catch (e) {
      if (!(e instanceof PastTimeLimit)) {
        throw e
      }
      projected = true
    } finally {
      clearInterval(timer)
    }
    process.stdout.write("\n")
    const elapsed = performance.now() - started
    // A stopped rebuild: its time at the pace it kept.
    const ms = projected && processed ? (elapsed * total) / processed : elapsed
    spent += elapsed
    rebuilds.push({ ms, peak_mb: (peak - start) / 1024 / 1024, processed, total, projected })
    if (projected) {
      console.log(`Rebuild stopped after ${secs(elapsed)} at ${processed}/${total} customers: projected ${secs(ms)}`)
      break
    }
  }
  await writeFile(
    resultPath,
    JSON.stringify({
      orders: size.orders,
      customers: size.customers,
      groups,
      aggregate_ms: median(aggregate),
      aggregate_runs: aggregate.length,
      rebuild_ms: median(rebuilds.map((r) => r.ms)),
      rebuild_runs: rebuilds.length,
      rebuild_peak_mb: Math.max(...rebuilds.map((r) => r.peak_mb)),
      projected: rebuilds.some((r) => r.projected),
      rebuilds,
    })
  )
}

/** `npm run bench:insights`: rebuild time on the demo data and on a larger set, and freshness. */
export default async function benchInsights({ container }: ExecArgs) {
  const resultPath = process.env.BENCH_INSIGHTS_RESULT
  if (process.env.BENCH_INSIGHTS_MODE === "scale") {
    if (!resultPath) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "BENCH_INSIGHTS_RESULT is not set: run `npm run bench -- --only insights`")
    }
    await benchScale(container, resultPath)
    return
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const demo = await counts(knex)
  const demoMs = await timedRebuild(container, "Rebuild (demo data)")

  await generateLargerSet(knex, scale)
  const large = await counts(knex)
  const largeMs = await timedRebuild(container, `Rebuild (demo data × ${scale + 1})`)

  const delays = await freshness(container, knex)

  const perThousand = (ms: number, orders: number) => `${((ms / orders) * 1000).toFixed(0)} ms per 1,000 orders`
  console.log("\nCustomer insights benchmark")
  console.log(`  demo data:   ${demo.orders} orders, ${demo.customers} customers: rebuild ${secs(demoMs)} (${perThousand(demoMs, demo.orders)})`)
  console.log(`  larger set:  ${large.orders} orders, ${large.customers} customers: rebuild ${secs(largeMs)} (${perThousand(largeMs, large.orders)})`)
  console.log(`  scaling:     ${(large.orders / demo.orders).toFixed(1)}x the orders took ${(largeMs / demoMs).toFixed(1)}x the time`)
  console.log(
    `  freshness:   median ${median(delays)} ms from order.placed to updated metrics over ${delays.length} orders (min ${Math.min(...delays)} ms, max ${Math.max(...delays)} ms)`
  )
  if (resultPath) {
    await writeFile(resultPath, JSON.stringify({ demo, demo_ms: demoMs, large, large_ms: largeMs, scale, delays }))
  }
}
