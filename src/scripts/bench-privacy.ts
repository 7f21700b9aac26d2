import { writeFile } from "node:fs/promises"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createOrderWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { anonymizeWithHandlers, inCustomerDataTransaction } from "../lib/customer-data"
import { resolvePerson } from "../lib/customer-data/person"
import { RETENTION_CONCURRENCY, runRetention } from "../lib/retention"
import { retentionDryRunWorkflow } from "../workflows/privacy/retention"
import { PRIVACY_MODULE } from "../modules/privacy"
import type PrivacyModuleService from "../modules/privacy/service"

const ORDERS = Number(process.env.BENCH_ORDERS || 1000)
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 3)
const RETENTION_CUSTOMERS = Number(process.env.BENCH_RETENTION_CUSTOMERS || 10000)
/**
 * How long ago the retention benchmark's inactive customers were last active, and the policy's
 * period: past anything the scale data set holds (its customers are at most about 37 months old),
 * so on a copy of it the run meets exactly the customers made here.
 */
const RETENTION_YEARS_AGO = 5
const RETENTION_MONTHS = 48
/** A retention run still going after this long is stopped and its time projected from its pace. */
const RETENTION_MAX_MS = Number(process.env.BENCH_RETENTION_MAX_S || 300) * 1000

/** Stops a retention run that went past RETENTION_MAX_MS (thrown from its progress callback). */
class PastTimeLimit extends Error {
  constructor(
    readonly done: number,
    readonly total: number
  ) {
    super(`stopped after ${done} of ${total} customers`)
  }
}
/** Which parts to run: `anonymize`, `retention` (default both), comma-separated. */
const PARTS = (process.env.BENCH_PARTS || "anonymize,retention").split(",")

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** The peak resident memory of this process while `work` runs (sampled every 5 ms). */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peak: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const started = performance.now()
  try {
    const value = await work()
    const ms = performance.now() - started
    peak = Math.max(peak, process.memoryUsage().rss)
    return { value, ms, peak }
  } finally {
    clearInterval(timer)
  }
}

async function columns(knex: any, table: string) {
  const { rows } = await knex.raw(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`,
    [table]
  )
  return rows.map((r: { column_name: string }) => r.column_name) as string[]
}

/** A region, a sales channel with a key and a product of 25.00 without inventory. */
async function createStore(container: MedusaContainer) {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Bench", currency_code: "eur", countries: ["nl"], payment_providers: ["pp_system_default"] }] },
  })
  const {
    result: [channel],
  } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Bench shop" }] } })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Bench", type: "publishable", created_by: "bench" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Bench ticket",
          status: "published",
          options: [{ title: "Seat", values: ["Standard"] }],
          variants: [
            { title: "Standard", options: { Seat: "Standard" }, manage_inventory: false, prices: [{ amount: 25, currency_code: "eur" }] },
          ],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })
  return { regionId: region.id, salesChannelId: channel.id, variantId: product.variants[0].id }
}

/**
 * A customer with `ORDERS` orders: one placed through Medusa's `createOrderWorkflow` (e-mail,
 * shipping and billing address, a line item), copied in bulk SQL with its addresses, summary and
 * item rows, so every order is a valid Medusa order with addresses of its own.
 */
async function customerWithOrders(container: MedusaContainer, store: Awaited<ReturnType<typeof createStore>>, n: number) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const customers = container.resolve(Modules.CUSTOMER)
  const email = `bench.person${n}@example.com`
  const customer = await customers.createCustomers({ email, first_name: "Bench", last_name: `Person${n}`, phone: `+3161234${String(n).padStart(4, "0")}` })
  const address = {
    first_name: "Bench",
    last_name: `Person${n}`,
    address_1: `Benchstraat ${n}`,
    city: "Utrecht",
    postal_code: "3511AA",
    country_code: "nl",
    phone: `+3161234${String(n).padStart(4, "0")}`,
  }
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: store.regionId,
      sales_channel_id: store.salesChannelId,
      customer_id: customer.id,
      email,
      currency_code: "eur",
      shipping_address: address,
      billing_address: address,
      items: [{ variant_id: store.variantId, quantity: 1 }],
    } as any,
  })
  const copies = ORDERS - 1
  const suffix = (column: string) => `${column} || '_b' || g`
  const pick = (cols: string[], overrides: Record<string, string>) => cols.map((c) => overrides[c] ?? `"${c}"`).join(", ")
  const list = (cols: string[]) => cols.map((c) => `"${c}"`).join(", ")
  const addressCols = await columns(knex, "order_address")
  const orderCols = (await columns(knex, "order")).filter((c) => c !== "display_id")
  const summaryCols = await columns(knex, "order_summary")
  const itemCols = await columns(knex, "order_item")
  await knex.transaction(async (trx: any) => {
    await trx.raw(
      `INSERT INTO order_address (${list(addressCols)})
       SELECT ${pick(addressCols, { id: suffix("id") })} FROM order_address, generate_series(1, ?) g
       WHERE id IN (SELECT shipping_address_id FROM "order" WHERE id = ? UNION SELECT billing_address_id FROM "order" WHERE id = ?)`,
      [copies, order.id, order.id]
    )
    await trx.raw(
      `INSERT INTO "order" (${list(orderCols)})
       SELECT ${pick(orderCols, {
         id: suffix("id"),
         shipping_address_id: suffix("shipping_address_id"),
         billing_address_id: suffix("billing_address_id"),
       })} FROM "order", generate_series(1, ?) g WHERE id = ?`,
      [copies, order.id]
    )
    await trx.raw(
      `INSERT INTO order_summary (${list(summaryCols)})
       SELECT ${pick(summaryCols, { id: suffix("id"), order_id: suffix("order_id") })}
       FROM order_summary, generate_series(1, ?) g WHERE order_id = ?`,
      [copies, order.id]
    )
    await trx.raw(
      `INSERT INTO order_item (${list(itemCols)})
       SELECT ${pick(itemCols, { id: suffix("id"), order_id: suffix("order_id") })}
       FROM order_item, generate_series(1, ?) g WHERE order_id = ?`,
      [copies, order.id]
    )
  })
  return { id: customer.id as string, email }
}

/** What a hand-written anonymization would do to the same rows: orders' e-mails and addresses, the customer. */
async function plainUpdate(container: MedusaContainer, customerId: string) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await knex.transaction(async (trx: any) => {
    await trx.raw(
      `UPDATE order_address SET first_name = NULL, last_name = NULL, company = NULL, address_1 = NULL, address_2 = NULL,
         city = NULL, postal_code = NULL, province = NULL, phone = NULL, metadata = NULL, updated_at = now()
       WHERE id IN (SELECT shipping_address_id FROM "order" WHERE customer_id = ? UNION SELECT billing_address_id FROM "order" WHERE customer_id = ?)`,
      [customerId, customerId]
    )
    await trx.raw(`UPDATE "order" SET email = lower(id) || '@anonymized.invalid', updated_at = now() WHERE customer_id = ?`, [customerId])
    await trx.raw(
      `UPDATE customer SET email = lower(id) || '@anonymized.invalid', first_name = NULL, last_name = NULL, phone = NULL, updated_at = now() WHERE id = ?`,
      [customerId]
    )
  })
}

/**
 * `npm run bench:privacy`: a customer with 1,000 orders anonymized through every registered
 * customer-data handler in one transaction (what `anonymizeCustomerWorkflow` runs), median of
 * three customers, beside a plain UPDATE of the same order rows; with the peak memory.
 */
export default async function benchPrivacy({ container }: ExecArgs) {
  const result: Record<string, unknown> = {}
  if (PARTS.includes("anonymize")) {
    result.anonymize = await benchAnonymize(container)
  }
  if (PARTS.includes("retention")) {
    result.retention = await benchRetention(container)
  }
  // The figures for the benchmark report (scripts/bench-privacy.mjs records them).
  if (process.env.BENCH_PRIVACY_RESULT) {
    await writeFile(process.env.BENCH_PRIVACY_RESULT, JSON.stringify(result))
  }
}

async function benchAnonymize(container: MedusaContainer) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const store = await createStore(container)
  process.stdout.write(`Creating ${CUSTOMERS * 2} customers with ${ORDERS} orders each…\n`)
  const people: { id: string; email: string }[] = []
  for (let n = 1; n <= CUSTOMERS * 2; n++) {
    people.push(await customerWithOrders(container, store, n))
  }
  const [{ orders }] = (await knex.raw(`SELECT COUNT(*)::int AS orders FROM "order" WHERE customer_id = ?`, [people[0].id])).rows

  const registry: number[] = []
  const plain: number[] = []
  let peak = 0
  let leftover = 0
  for (let i = 0; i < CUSTOMERS; i++) {
    const anonymized = await withPeakMemory(() =>
      inCustomerDataTransaction(container, async (ctx) =>
        anonymizeWithHandlers(ctx, await resolvePerson(ctx.sql, people[i].id))
      )
    )
    registry.push(anonymized.ms)
    peak = Math.max(peak, anonymized.peak)
    const [{ n }] = (
      await knex.raw(`SELECT COUNT(*)::int AS n FROM "order" WHERE customer_id = ? AND lower(email) = ?`, [people[i].id, people[i].email])
    ).rows
    leftover += n
    const updated = await withPeakMemory(() => plainUpdate(container, people[CUSTOMERS + i].id))
    plain.push(updated.ms)
  }
  const r = median(registry)
  const p = median(plain)
  console.log("\nAnonymization benchmark")
  console.log(`  customer with ${orders} orders (each with its own shipping and billing address)`)
  console.log(`  through the registry: median ${secs(r)} of ${CUSTOMERS} customers (${registry.map((ms) => secs(ms)).join(", ")}), target under 2 s`)
  console.log(`  plain UPDATE of the same rows: median ${secs(p)} (${plain.map((ms) => secs(ms)).join(", ")})`)
  console.log(`  ratio: ${(r / p).toFixed(1)}x the plain UPDATE`)
  console.log(`  peak memory (rss) while anonymizing: ${mb(peak)}`)
  console.log(`  orders still carrying the person's e-mail afterwards: ${leftover}`)
  return { orders, customers: CUSTOMERS, ms: r, plain_ms: p, peak_mb: peak / 1024 / 1024, leftover }
}

/**
 * `n` customers in bulk SQL, each with an address, created and last updated `inactive` years ago
 * (0: now), ids `cus_<prefix>_000001`…
 */
async function bulkCustomers(container: MedusaContainer, prefix: string, n: number, yearsAgo: number) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await knex.raw(
    `INSERT INTO customer (id, email, first_name, last_name, phone, has_account, created_at, updated_at)
     SELECT 'cus_' || ? || '_' || lpad(g::text, 6, '0'), ? || g || '@example.com', 'Bench', 'Person' || g,
            '+316' || lpad(g::text, 8, '0'), false, now() - make_interval(years => ?), now() - make_interval(years => ?)
     FROM generate_series(1, ?) g`,
    [prefix, `${prefix}.person`, yearsAgo, yearsAgo, n]
  )
  await knex.raw(
    `INSERT INTO customer_address (id, customer_id, first_name, last_name, address_1, city, postal_code, country_code, phone,
       is_default_shipping, is_default_billing, created_at, updated_at)
     SELECT 'cuaddr_' || c.id, c.id, c.first_name, c.last_name, 'Benchstraat 1', 'Utrecht', '3511AA', 'nl', c.phone, true, true,
            c.created_at, c.updated_at
     FROM customer c WHERE c.id LIKE ?`,
    [`cus_${prefix}_%`]
  )
}

/** A progress bar on one line: `[#####-----] 4,200/10,000 42% 35 s`. */
function progressBar(done: number, total: number, started: number) {
  const width = 30
  const part = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(part * width)
  const line = `  [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${Math.round(
    part * 100
  )}% ${((performance.now() - started) / 1000).toFixed(0)} s`
  process.stdout.write(`\r${line}`)
}

/**
 * The retention policy over `RETENTION_CUSTOMERS` (10,000) inactive customers, each with an
 * address: one run of the daily job (per person `anonymizeCustomerWorkflow`, one transaction each,
 * `RETENTION_CONCURRENCY` at once), beside a plain UPDATE of as many rows of the same shape; with
 * the peak memory and a progress bar.
 */
async function benchRetention(container: MedusaContainer) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  process.stdout.write(`\nCreating ${RETENTION_CUSTOMERS.toLocaleString("en")} inactive customers (and as many for the plain UPDATE)…\n`)
  await bulkCustomers(container, "ret", RETENTION_CUSTOMERS, RETENTION_YEARS_AGO)
  await bulkCustomers(container, "plain", RETENTION_CUSTOMERS, 0)
  // As a live database would have them: the planner's statistics of the tables just filled.
  await knex.raw(`ANALYZE customer, customer_address`)
  await privacy.setPrivacySettings({ retention_enabled: true, retention_months: RETENTION_MONTHS })

  // What the admin's dry run does in its request: decide about every inactive customer.
  const dry = await withPeakMemory(() => retentionDryRunWorkflow(container).run({ input: { limit: 50 } }))
  const dryRun = await privacy.retrievePrivacyRetentionRun(dry.value.result.run_id)

  const started = performance.now()
  let stopped: PastTimeLimit | null = null
  const run = await withPeakMemory(async () => {
    try {
      return await runRetention(container, {
        onProgress: (r) => {
          const done = r.anonymized + r.exempt + r.skipped + r.failed
          progressBar(done, r.candidates, started)
          if (performance.now() - started > RETENTION_MAX_MS && done < r.candidates) {
            throw new PastTimeLimit(done, r.candidates)
          }
        },
      })
    } catch (e) {
      if (!(e instanceof PastTimeLimit)) {
        throw e
      }
      // The run stays "running" with its cursor (as after a crash); this copy of the data is dropped.
      stopped = e
      return null
    }
  })
  process.stdout.write("\n")
  const stop = stopped as PastTimeLimit | null
  // A stopped run: its time at the pace it kept.
  const runMs = stop && stop.done ? (run.ms * stop.total) / stop.done : run.ms
  if (stop) {
    console.log(`  stopped after ${secs(run.ms)} at ${stop.done}/${stop.total} customers: projected ${secs(runMs)}`)
  }
  const [{ left }] = (
    await knex.raw(`SELECT count(*)::int AS left FROM customer WHERE id LIKE 'cus_ret_%' AND email LIKE 'ret.person%'`)
  ).rows

  const plain = await withPeakMemory(() =>
    knex.transaction(async (trx: any) => {
      await trx.raw(
        `UPDATE customer_address SET first_name = NULL, last_name = NULL, address_1 = NULL, city = NULL, postal_code = NULL,
           phone = NULL, updated_at = now() WHERE customer_id LIKE 'cus_plain_%'`
      )
      await trx.raw(
        `UPDATE customer SET email = lower(id) || '@anonymized.invalid', first_name = NULL, last_name = NULL, phone = NULL,
           updated_at = now() WHERE id LIKE 'cus_plain_%'`
      )
    })
  )
  const r = run.value
  console.log("\nRetention benchmark")
  console.log(`  ${RETENTION_CUSTOMERS.toLocaleString("en")} inactive customers, each with an address; ${RETENTION_CONCURRENCY} people at once`)
  console.log(
    `  one run of the daily job: ${secs(runMs)}${stop ? " (projected)" : ""} (${(run.ms / Math.max(1, stop?.done ?? r?.anonymized ?? 0)).toFixed(1)} ms per customer), target under 300 s`
  )
  if (r) {
    console.log(`  run: ${r.status}, ${r.candidates} candidates, ${r.anonymized} anonymized, ${r.exempt} exempt, ${r.skipped} kept, ${r.failed} failed`)
  }
  console.log(`  dry run (POST /admin/crm/privacy/retention/dry-run, 50 listed): ${secs(dry.ms)} for ${dryRun.candidates} candidates, peak ${mb(dry.peak)}`)
  console.log(`  plain UPDATE of as many customers and addresses: ${secs(plain.ms)}`)
  console.log(`  ratio: ${(runMs / plain.ms).toFixed(0)}x the plain UPDATE`)
  console.log(`  peak memory (rss) during the run: ${mb(run.peak)}`)
  console.log(`  inactive customers still carrying their e-mail afterwards: ${left}`)
  return {
    customers: RETENTION_CUSTOMERS,
    ms: runMs,
    projected: stop ? { done: stop.done, total: stop.total, after_ms: run.ms } : null,
    plain_ms: plain.ms,
    peak_mb: run.peak / 1024 / 1024,
    status: stop ? "stopped" : (r?.status ?? null),
    candidates: r?.candidates ?? stop?.total ?? 0,
    anonymized: r?.anonymized ?? stop?.done ?? 0,
    failed: r?.failed ?? 0,
    left,
  }
}
