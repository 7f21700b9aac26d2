// `npm run bench:list`: the CRM list at scale. Builds (once) or reuses the list data set
// (scripts/lib/list-dataset.mjs: 100,000 customers, 300,000 orders, tags, memberships, points,
// consents, metrics), starts the app on it, signs in as an admin and times, over BENCH_RUNS (9)
// runs after a warm-up, the median page time of:
//   - the CRM list with a search (`q`),
//   - the CRM list with a combined filter (a tag, a lifetime-value range, a last-order window)
//     sorted by -lifetime_value,
//   - Medusa's native `GET /admin/customers?q=` with the same search,
// and prints the ratios. `-- --rebuild` builds the data set again. It prints figures; it asserts nothing.
import { ADMIN_EMAIL, ADMIN_PASSWORD, medusaSync, startMedusa, waitForHealth } from "./lib/demo-db.mjs"
import { freePort } from "./lib/embedded-pg.mjs"
import { prepareListDataset } from "./lib/list-dataset.mjs"

const RUNS = Number(process.env.BENCH_RUNS || 9)
const SEARCH = process.env.BENCH_SEARCH || "jansen"

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const started = Date.now()
const dataset = await prepareListDataset({ rebuild: process.argv.includes("--rebuild") })
let medusa = null
let code = 0
try {
  // An admin to sign in with (the command says so when it exists already).
  try {
    medusaSync(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { DATABASE_URL: dataset.databaseUrl }, { stdio: "ignore" })
  } catch {
    // already there
  }
  const port = await freePort(9300)
  const baseUrl = `http://localhost:${port}`
  medusa = startMedusa(dataset.databaseUrl, { port, stdio: "ignore", env: { NODE_ENV: "development" } })
  process.stdout.write("Starting the app… ")
  await waitForHealth(baseUrl, 240_000, medusa.child)
  console.log("up")
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
  const results = []
  for (const [label, path] of cases) {
    await get(path)
    await get(path)
    const times = []
    let count = 0
    for (let i = 0; i < RUNS; i++) {
      const { ms, body } = await get(path)
      times.push(ms)
      count = body.count
    }
    results.push({ label, path, median: median(times), count })
    process.stdout.write(".")
  }
  process.stdout.write("\n")
  const native = results.at(-1).median
  console.log(`\nCRM list benchmark: ${dataset.customers} customers, ${dataset.orders} orders; median of ${RUNS} runs, page of 20`)
  for (const r of results) {
    const ratio = r === results.at(-1) ? "" : `  (${(r.median / native).toFixed(2)}× Medusa's search)`
    console.log(`  ${r.label.padEnd(68)} ${r.median.toFixed(1).padStart(7)} ms  ${String(r.count).padStart(6)} matches${ratio}`)
  }
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await medusa?.stop()
  await dataset.stop()
}
console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(code)
