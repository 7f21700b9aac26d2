// `npm run bench:list`: the CRM list at scale, and (part `duplicates` of `npm run bench`) the
// duplicate groups and the identity search. Builds (once) or reuses the scale data set
// (scripts/lib/list-dataset.mjs: 100,000 customers, 300,000 orders, tags, memberships, points,
// consents, metrics), copies it, starts the app on the copy, signs in as an admin and times, over
// BENCH_RUNS (9) runs after a warm-up, the median page time of:
//   - the CRM list with a search (`q`),
//   - the CRM list with a combined filter (a tag, a lifetime-value range, a last-order window)
//     sorted by -lifetime_value,
//   - Medusa's native `GET /admin/customers?q=` with the same search (the baseline),
// and prints the ratios; each figure also goes into the benchmark report (scripts/lib/bench-report.mjs).
// `-- --rebuild` builds the data set again. It prints figures; it asserts nothing.
import pg from "pg"
import { ADMIN_EMAIL, ADMIN_PASSWORD, medusaSync, startMedusa, waitForHealth } from "./lib/demo-db.mjs"
import { freePort } from "./lib/embedded-pg.mjs"
import { isMain, median, peakMemory, runPartStandalone } from "./lib/bench-report.mjs"

const SEARCH = process.env.BENCH_SEARCH || "jansen"
/** The page a list answers in, for the target. */
const PAGE_TARGET_MS = 50

/**
 * Starts the app on `ctx.databaseUrl` (admin dashboard off), signs an admin in and hands `fn` a
 * timed `get(path)` and a memory sampler of the server's processes; stops the app afterwards.
 */
async function withAdminApp(ctx, fn) {
  const log = ctx.log ?? console.log
  try {
    medusaSync(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { DATABASE_URL: ctx.databaseUrl }, { stdio: "ignore" })
  } catch {
    // already there
  }
  const port = await freePort(9300)
  const baseUrl = `http://localhost:${port}`
  const medusa = startMedusa(ctx.databaseUrl, {
    port,
    stdio: "ignore",
    env: { NODE_ENV: "development", MEDUSA_ADMIN_DISABLED: "true", LOG_LEVEL: "error" },
  })
  try {
    const booting = Date.now()
    await waitForHealth(baseUrl, 300_000, medusa.child)
    log(`  app up in ${((Date.now() - booting) / 1000).toFixed(0)} s`)
    const login = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    const { token } = await login.json()
    if (!token) throw new Error(`The admin could not sign in (${login.status})`)
    const headers = { authorization: `Bearer ${token}` }
    const get = async (path) => {
      const t = performance.now()
      const res = await fetch(`${baseUrl}${path}`, { headers })
      const body = await res.json()
      const ms = performance.now() - t
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
      return { ms, body }
    }
    return await fn({ get, memory: () => peakMemory({ pid: medusa.child.pid }) })
  } finally {
    await medusa.stop()
  }
}

/** Times each `[label, path]` case: two warm-up requests, then `runs`; the median and the count. */
async function timeCases(get, cases, runs) {
  const results = []
  for (const [label, path] of cases) {
    await get(path)
    await get(path)
    const times = []
    let count = 0
    for (let i = 0; i < runs; i++) {
      const { ms, body } = await get(path)
      times.push(ms)
      count = body.count
    }
    results.push({ label, path, median: median(times), count })
    process.stdout.write(".")
  }
  process.stdout.write("\n")
  return results
}

/**
 * Part `list`: the CRM list's search and combined filter against Medusa's native search, page of 20.
 * @param {{ databaseUrl: string, report: Function, runs: number, log?: Function, dataset?: { customers: number, orders: number } }} ctx
 */
export async function run(ctx) {
  const runs = ctx.runs
  const since = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
  const cases = [
    ["CRM list, search", `/admin/crm/customers?q=${SEARCH}&limit=20&currency_code=eur`],
    [
      "CRM list, tag + lifetime value + last order, by -lifetime_value",
      `/admin/crm/customers?tags=vip&lifetime_value[gte]=500&lifetime_value[lte]=5000&last_order_at[gte]=${since}&order=-lifetime_value&limit=20&currency_code=eur`,
    ],
    ["CRM list, no filter, newest first", `/admin/crm/customers?limit=20&currency_code=eur`],
    ["CRM list, by -loyalty_balance", `/admin/crm/customers?order=-loyalty_balance&limit=20&currency_code=eur`],
    // What any request costs (auth, validation, the page's row query): one customer by id.
    ["CRM list, one customer by id (the route's fixed cost)", `/admin/crm/customers?id=cus_bl0000001&currency_code=eur`],
    ["Medusa GET /admin/customers, newest first", `/admin/customers?limit=20&order=-created_at`],
    ["Medusa GET /admin/customers?q=", `/admin/customers?q=${SEARCH}&limit=20`],
  ]
  const { results, peak } = await withAdminApp(ctx, async ({ get, memory }) => {
    const sampler = memory()
    const results = await timeCases(get, cases, runs)
    return { results, peak: sampler.stop().peak_mb }
  })
  const native = results.at(-1)
  const nativeNewest = results.at(-2)
  const size = ctx.dataset ? `${ctx.dataset.customers} customers, ${ctx.dataset.orders} orders` : "the scale data set"
  console.log(`\nCRM list benchmark: ${size}; median of ${runs} runs, page of 20`)
  for (const r of results) {
    const ratio = r === native ? "" : `  (${(r.median / native.median).toFixed(2)}× Medusa's search)`
    console.log(`  ${r.label.padEnd(68)} ${r.median.toFixed(1).padStart(7)} ms  ${String(r.count).padStart(6)} matches${ratio}`)
  }
  const baseline = `native GET /admin/customers?q=${SEARCH}`
  for (const r of results.slice(0, 2)) {
    ctx.report({
      what: r === results[0] ? `${r.label} (q=${SEARCH})` : r.label,
      value: r.median,
      unit: "ms",
      baseline,
      baseline_value: native.median,
      target: `< ${PAGE_TARGET_MS} ms; ratio < 1`,
      ok: r.median < PAGE_TARGET_MS && r.median < native.median,
      runs,
      peak_mb: peak,
      note: `${r.count} matches; peak MB: the app's processes`,
    })
  }
  for (const r of results.slice(2, 5)) {
    ctx.report({
      what: r.label,
      value: r.median,
      unit: "ms",
      baseline: "native GET /admin/customers, newest first",
      baseline_value: nativeNewest.median,
      runs,
      peak_mb: peak,
      note: `${r.count} matches`,
    })
  }
}

/** A customer of the data set to search for: full name, e-mail and phone (as typed nationally). */
async function searchTarget(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT first_name, last_name, email, phone FROM customer
       WHERE deleted_at IS NULL AND phone LIKE '+31 6 %' AND first_name IS NOT NULL ORDER BY id LIMIT 1`
    )
    if (!rows[0]) throw new Error("No customer with a Dutch mobile number to search for")
    const r = rows[0]
    // "+31 6 12345678" as someone types it at the counter: "0612345678".
    return { name: `${r.first_name} ${r.last_name}`, email: r.email, phone: `0${r.phone.replace(/^\+31/, "").replace(/\D/g, "")}` }
  } finally {
    await client.end()
  }
}

/**
 * Part `duplicates`: the duplicate groups page (`GET /admin/crm/duplicates`) and the identity
 * search by name, e-mail and phone (the CRM list's `q` with `field`), against the CRM list's
 * first page, page of 20.
 */
export async function runDuplicates(ctx) {
  const runs = ctx.runs
  const who = await searchTarget(ctx.databaseUrl)
  const q = (s) => encodeURIComponent(s)
  const cases = [
    ["Duplicate groups, first page", `/admin/crm/duplicates?limit=20`],
    ["Identity search by name", `/admin/crm/customers?q=${q(who.name)}&field=name&limit=20&currency_code=eur`],
    ["Identity search by e-mail", `/admin/crm/customers?q=${q(who.email)}&field=email&limit=20&currency_code=eur`],
    ["Identity search by phone (national form)", `/admin/crm/customers?q=${q(who.phone)}&field=phone&limit=20&currency_code=eur`],
    ["CRM list, first page", `/admin/crm/customers?limit=20&currency_code=eur`],
  ]
  const { results, peak } = await withAdminApp(ctx, async ({ get, memory }) => {
    const sampler = memory()
    const results = await timeCases(get, cases, runs)
    return { results, peak: sampler.stop().peak_mb }
  })
  const base = results.at(-1)
  console.log(`\nDuplicates and identity search: median of ${runs} runs, page of 20`)
  for (const r of results) {
    console.log(`  ${r.label.padEnd(44)} ${r.median.toFixed(1).padStart(7)} ms  ${String(r.count).padStart(6)} found`)
  }
  for (const r of results.slice(0, -1)) {
    ctx.report({
      what: r.label,
      value: r.median,
      unit: "ms",
      baseline: "CRM list, first page",
      baseline_value: base.median,
      target: `< ${PAGE_TARGET_MS} ms`,
      ok: r.median < PAGE_TARGET_MS,
      runs,
      peak_mb: peak,
      note: `${r.count} ${r === results[0] ? "groups" : "found"}`,
    })
  }
}

if (isMain(import.meta.url)) {
  const runs = Number(process.env.BENCH_RUNS || 9)
  const code = await runPartStandalone("list", run, { runs, rebuild: process.argv.includes("--rebuild") })
  process.exit(code)
}
