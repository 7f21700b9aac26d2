// `npm run test:workers`: the demo store as it is deployed on several instances, one Postgres and
// one Redis (Medusa's deployment guide): one HTTP server (MEDUSA_WORKER_MODE=server) and two
// workers (MEDUSA_WORKER_MODE=worker), all with REDIS_URL (Redis event bus, workflow engine,
// locking and caching). It starts Debian's redis-server on a free loopback port and a throwaway
// embedded Postgres, migrates, creates an admin user, and sets up a small store through the admin
// API (a region, a storefront key, a membership pass product with its plan, loyalty rates). Then,
// through HTTP:
//   a. an order placed through the server (Medusa's JS SDK, as a storefront) earns points, buys a
//      membership and updates the customer's metrics, each exactly once;
//   b. every scheduled job of the plugin runs once per due time across both workers, never once
//      per instance (the jobs are made due every 5 s with the test-only MEDUSA_CRM_JOB_SCHEDULE);
//   c. a metrics rebuild started with POST /admin/crm/insights/rebuild on the server is run by a
//      worker, and GET shows it done with its progress.
// Prints PASS/FAIL per check and the time taken; exit code 0 when all pass. Redis, Postgres and the
// three Medusa processes are stopped and their dirs removed in every case (also on Ctrl-C).
// The instances' logs are kept in .artifacts/workers/.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import Medusa from "@medusajs/js-sdk"
import { ADMIN_EMAIL, ADMIN_PASSWORD, prepareDatabase, ROOT, startMedusa, waitForHealth } from "./lib/demo-db.mjs"
import { freePort } from "./lib/embedded-pg.mjs"
import { startRedis } from "./lib/workers-redis.mjs"

const ARTIFACTS = path.join(ROOT, ".artifacts", "workers")
/** Test only (see src/lib/job-schedule.ts): every plugin job due every 5 s, at most this many runs each. */
const JOB_SCHEDULE = "*/5 * * * * *"
const JOB_RUNS = 3
const JOB_EVERY_MS = 5000
/** Two runs of one job closer than this were one due time run twice (the workers fire together). */
const SAME_DUE_MS = 1000

const startedAt = Date.now()
const timings = []
const results = []
let redis = null
let db = null
const instances = []
const clis = new Set()
let cleaningUp = null

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*m/g, "")

async function step(name, fn) {
  const t0 = Date.now()
  console.log(`\n▶ ${name}`)
  try {
    const value = await fn()
    timings.push({ name, ms: Date.now() - t0, ok: true })
    console.log(`✔ ${name} (${secs(Date.now() - t0)})`)
    return value
  } catch (e) {
    timings.push({ name, ms: Date.now() - t0, ok: false })
    console.log(`✘ ${name} (${secs(Date.now() - t0)})`)
    throw e
  }
}

/** Runs one check; records PASS or FAIL with what was seen, never throws. */
async function check(name, fn) {
  const t0 = Date.now()
  console.log(`\n▶ check ${name}`)
  try {
    const details = await fn()
    results.push({ name, ok: true, ms: Date.now() - t0, details })
    console.log(`PASS ${name} (${secs(Date.now() - t0)})`)
    for (const line of details ?? []) console.log(`     ${line}`)
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t0, details: [e.message] })
    console.log(`FAIL ${name} (${secs(Date.now() - t0)}): ${e.message}`)
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** Polls `read` until `done` holds; throws with the last value after `timeoutMs`. */
async function waitFor(read, done, what, timeoutMs = 60_000, everyMs = 500) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    try {
      last = await read()
      if (done(last)) return last
    } catch (e) {
      last = `error: ${e.message}`
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${secs(timeoutMs)} waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 600)}`)
    }
    await sleep(everyMs)
  }
}

// ------------------------------------------------------------------------------------------------
// Instances
// ------------------------------------------------------------------------------------------------

/** Starts `medusa start` from the source in one worker mode, with its output in a log file. */
async function startInstance(name, mode, env) {
  const port = await freePort()
  const logFile = path.join(ARTIFACTS, `${name}.log`)
  const log = fs.createWriteStream(logFile)
  const medusa = startMedusa(db.databaseUrl, {
    port,
    command: ["start"],
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      NODE_ENV: "development",
      MEDUSA_ADMIN_DISABLED: "true",
      MEDUSA_WORKER_MODE: mode,
      REDIS_URL: redis.url,
      MEDUSA_CRM_JOB_SCHEDULE: JOB_SCHEDULE,
      MEDUSA_CRM_JOB_RUNS: String(JOB_RUNS),
      ...env,
    },
  })
  medusa.child.stdout.pipe(log, { end: false })
  medusa.child.stderr.pipe(log, { end: false })
  const instance = { name, mode, port, logFile, log, medusa, pid: medusa.child.pid, baseUrl: `http://localhost:${port}` }
  instances.push(instance)
  return instance
}

const readLog = (instance) => stripAnsi(fs.readFileSync(instance.logFile, "utf8"))

function tail(instance, lines = 30) {
  try {
    return readLog(instance).split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** The plugin's job runs an instance logged: `medusa-crm: job <name> runs for <due> on <host> (pid <pid>)`. */
function jobRuns(instance) {
  const runs = []
  for (const m of readLog(instance).matchAll(/medusa-crm: job (medusa-crm-[a-z0-9-]+) runs for (\S+) on .+ \(pid (\d+)\)/g)) {
    runs.push({ job: m[1], due: m[2], pid: Number(m[3]), instance: instance.name })
  }
  return runs
}

/** The plugin's jobs, by their config names in src/jobs. */
function pluginJobNames() {
  const dir = path.join(ROOT, "src", "jobs")
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8").match(/name: "(medusa-crm-[a-z0-9-]+)"/)?.[1])
    .filter(Boolean)
    .sort()
}

/** Runs the medusa CLI to completion in its own process group (stopped by cleanup), output to a log file. */
function medusaCli(name, args, env) {
  const logFile = path.join(ARTIFACTS, `${name}.log`)
  const out = fs.openSync(logFile, "w")
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", DATABASE_URL: db.databaseUrl, ...env },
  })
  fs.closeSync(out)
  clis.add(child)
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      clis.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args[0]} failed (exit ${code}):\n${fs.readFileSync(logFile, "utf8").slice(-2000)}`))
    })
  })
}

/**
 * The store the checks need, through the admin API as a merchant sets it up: a Europe region (EUR,
 * Medusa's system payment provider), a storefront publishable key on the default sales channel, a
 * "Museum Annual Pass" product (no shipping, no inventory) sold by a one-year membership plan, and
 * loyalty rates for EUR (1 point per euro).
 */
async function setUpStore(admin) {
  const { sales_channels: channels } = await admin.admin.salesChannel.list({ limit: 10 })
  const channel = channels[0]
  assert(channel, "Medusa created no default sales channel")
  const { api_key: key } = await admin.admin.apiKey.create({ title: "Workers test storefront", type: "publishable" })
  await admin.admin.apiKey.batchSalesChannels(key.id, { add: [channel.id] })
  const { region } = await admin.admin.region.create({
    name: "Europe",
    currency_code: "eur",
    countries: ["nl"],
    payment_providers: ["pp_system_default"],
  })
  const { product } = await admin.admin.product.create({
    title: "Museum Annual Pass",
    status: "published",
    options: [{ title: "Visitor", values: ["Adult"] }],
    variants: [
      { title: "Adult", options: { Visitor: "Adult" }, manage_inventory: false, prices: [{ amount: 75, currency_code: "eur" }] },
    ],
    sales_channels: [{ id: channel.id }],
  })
  const { plan } = await admin.client.fetch("/admin/crm/membership-plans", {
    method: "POST",
    body: { name: "Museum Annual Pass", level: 1, duration_unit: "year", duration_value: 1, variant_id: product.variants[0].id },
  })
  await admin.client.fetch("/admin/crm/loyalty", {
    method: "POST",
    body: { enabled: true, rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }] },
  })
  return { publishableKey: key.token, regionId: region.id, variantId: product.variants[0].id, plan }
}

// ------------------------------------------------------------------------------------------------
// Cleanup
// ------------------------------------------------------------------------------------------------

function cleanup() {
  cleaningUp ??= (async () => {
    for (const child of clis) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        // gone
      }
    }
    await Promise.all(
      instances.map(async (i) => {
        await i.medusa.stop().catch((e) => console.error(`Could not stop ${i.name}: ${e.message}`))
        i.log.end()
      })
    )
    if (db) {
      await Promise.race([
        db.stop().catch((e) => console.error(`Could not stop Postgres: ${e.message}`)),
        new Promise((r) => setTimeout(r, 10_000).unref()),
      ])
      if (db.dataDir && fs.existsSync(db.dataDir) && !fs.existsSync(path.join(db.dataDir, "postmaster.pid"))) {
        fs.rmSync(db.dataDir, { recursive: true, force: true })
      }
    }
    await redis?.stop().catch((e) => console.error(`Could not stop Redis: ${e.message}`))
  })()
  return cleaningUp
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping`)
    await cleanup()
    process.exit(130)
  })
}

// ------------------------------------------------------------------------------------------------
// The checks
// ------------------------------------------------------------------------------------------------

async function adminSdk(baseUrl) {
  const sdk = new Medusa({ baseUrl, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  await sdk.auth.login("user", "emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
  return sdk
}

/** a. An order through the server: points, membership and metrics, each exactly once. */
async function checkOrder(server, admin, shop) {
  const { plan } = shop
  // The storefront: Medusa's JS SDK with the storefront key, as a shop would.
  const store = new Medusa({
    baseUrl: server.baseUrl,
    publishableKey: shop.publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
  const email = `workers-${Date.now()}@example.com`
  const password = "supersecret"
  await store.auth.register("customer", "emailpass", { email, password })
  const { customer } = await store.store.customer.create({ email, first_name: "Worker", last_name: "Test" })
  await store.auth.login("customer", "emailpass", { email, password })
  let { cart } = await store.store.cart.create({ region_id: shop.regionId })
  ;({ cart } = await store.store.cart.createLineItem(cart.id, { variant_id: plan.variant_id, quantity: 1 }))
  const address = {
    first_name: "Worker",
    last_name: "Test",
    address_1: "Damrak 1",
    city: "Amsterdam",
    postal_code: "1012 LG",
    country_code: "nl",
  }
  ;({ cart } = await store.store.cart.update(cart.id, { email, shipping_address: address, billing_address: address }))
  ;({ cart } = await store.store.cart.retrieve(cart.id, { fields: "id,*payment_collection,total" }))
  await store.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
  const placedAt = Date.now()
  const completed = await store.store.cart.complete(cart.id)
  assert(completed.type === "order", `the cart did not become an order: ${JSON.stringify(completed.error ?? completed)}`)
  const order = completed.order

  const read = async () => {
    const [loyalty, memberships, metrics] = await Promise.all([
      admin.client.fetch(`/admin/customers/${customer.id}/loyalty`, { query: { limit: 100 } }),
      admin.client.fetch(`/admin/customers/${customer.id}/memberships`, { query: { limit: 100 } }),
      admin.client.fetch(`/admin/customers/${customer.id}/metrics`),
    ])
    return {
      earned: loyalty.entries.filter((e) => e.type === "earn" && e.order_id === order.id),
      entries: loyalty.count,
      memberships: memberships.memberships,
      orders: metrics.metrics.reduce((n, m) => n + m.orders, 0),
    }
  }
  const fresh = await waitFor(
    read,
    (s) => s.earned.length >= 1 && s.memberships.length >= 1 && s.orders >= 1,
    "the order's points, membership and metrics"
  )
  const freshAfter = Date.now() - placedAt
  // Let any second delivery of order.placed land before counting.
  await sleep(8000)
  const settled = await read()
  assert(settled.earned.length === 1, `points earned ${settled.earned.length} times for the order (want 1)`)
  assert(settled.entries === 1, `${settled.entries} loyalty entries for a customer with one order (want 1)`)
  assert(settled.earned[0].points > 0, `the order earned ${settled.earned[0].points} points`)
  assert(settled.memberships.length === 1, `${settled.memberships.length} memberships after buying one pass (want 1)`)
  assert(settled.memberships[0].plan?.name === plan.name || settled.memberships[0].plan_id === plan.id, "the membership is not of the plan bought")
  assert(settled.orders === 1, `the metrics count ${settled.orders} orders (want 1)`)
  return [
    `order #${order.display_id} (${order.total} ${order.currency_code}) placed through the server's store API`,
    `after ${secs(freshAfter)}: ${settled.earned[0].points} points earned once (${settled.earned[0].status}), 1 membership (${plan.name}), metrics: ${settled.orders} order`,
    `still exactly once 8 s later`,
  ]
}

/**
 * b. Each plugin job once per due time across the workers; the server runs none. Every job is due
 * every 5 s for JOB_RUNS due times (`numberOfExecutions`, test only). Run once per instance, every
 * due time would run on both workers at the same moment; run once per due time, no two runs of a
 * job (`scheduledFor`) are closer than a second, whichever worker takes each. The count is not
 * exact: a worker that registers the job's scheduler after another one's series started may start a
 * series of its own (Medusa's `numberOfExecutions` is counted per registration), still one run per
 * due time.
 */
async function checkJobs(server, workers) {
  const names = pluginJobNames()
  assert(names.length >= 10, `found only ${names.length} plugin jobs in src/jobs`)
  const allRuns = () => workers.flatMap(jobRuns)
  const t0 = Date.now()
  await waitFor(
    () => Promise.resolve(allRuns()),
    (runs) => names.every((n) => runs.filter((r) => r.job === n).length >= JOB_RUNS),
    `${JOB_RUNS} runs of every plugin job`,
    120_000,
    1000
  )
  // Nothing more may come: wait over two more due times.
  await sleep(2 * JOB_EVERY_MS + 2000)
  const runs = allRuns()
  const lines = []
  const problems = []
  for (const name of names) {
    const mine = runs.filter((r) => r.job === name)
    const dues = new Map()
    for (const r of mine) dues.set(r.due, [...(dues.get(r.due) ?? []), r.instance])
    const twice = [...dues.entries()].find(([, who]) => who.length > 1)
    const perWorker = workers.map((w) => `${w.name} ${mine.filter((r) => r.instance === w.name).length}`).join(", ")
    const times = mine.map((r) => Date.parse(r.due)).filter(Number.isFinite).sort((a, b) => a - b)
    const close = times.findIndex((t, i) => i > 0 && t - times[i - 1] < SAME_DUE_MS)
    if (times.length !== mine.length) problems.push(`${name} logged a run without its due time (${perWorker})`)
    if (twice) problems.push(`${name} ran ${twice[1].length}x for the due time ${twice[0]} (${twice[1].join(", ")})`)
    else if (close > 0) {
      problems.push(
        `${name} ran twice within ${times[close] - times[close - 1]} ms (${new Date(times[close - 1]).toISOString()}, ${new Date(times[close]).toISOString()}; ${perWorker})`
      )
    }
    lines.push(`${name.padEnd(50)} ${mine.length} runs (${perWorker})`)
  }
  const serverRuns = jobRuns(server)
  if (serverRuns.length) problems.push(`the server (workerMode "server") ran ${serverRuns.length} jobs`)
  const byWorker = workers.map((w) => `${w.name} ${runs.filter((r) => r.instance === w.name).length}`).join(", ")
  const shown = problems.slice(0, 6).join("; ")
  assert(!problems.length, problems.length > 6 ? `${shown}; and ${problems.length - 6} more` : shown)
  return [
    `${names.length} plugin jobs, each due every 5 s for ${JOB_RUNS} due times; ${runs.length} runs in all (${byWorker}), none on the server, no due time twice (watched ${secs(Date.now() - t0)} more after check a)`,
    ...lines,
  ]
}

/** c. A rebuild started on the server runs on a worker; GET shows it done with its progress. */
async function checkRebuild(server, workers, admin) {
  const started = await waitFor(
    async () => {
      try {
        return await admin.client.fetch("/admin/crm/insights/rebuild", { method: "POST", body: {} })
      } catch (e) {
        // 409 while a rebuild of the test's job runs is still going: try again.
        if (e.status === 409) return null
        throw e
      }
    },
    (answer) => !!answer?.rebuild,
    "the rebuild to start (no 409)",
    60_000,
    1000
  )
  const { id } = started.rebuild
  assert(started.rebuild.status === "running", `POST answered status ${started.rebuild.status}`)
  const done = await waitFor(
    async () => (await admin.client.fetch("/admin/crm/insights/rebuild")).rebuild,
    (r) => r?.id === id && r.status !== "running",
    `rebuild ${id} to finish`,
    120_000
  )
  assert(done.status === "done", `rebuild ${id} ended ${done.status}: ${done.error}`)
  assert(done.processed > 0 && done.processed === done.total, `rebuild ${id} progress ${done.processed}/${done.total}`)
  const ranOn = (instance) =>
    [...readLog(instance).matchAll(new RegExp(`customer metrics rebuild ${id} runs on .+ \\(pid (\\d+)\\)`, "g"))].map((m) => Number(m[1]))
  const onServer = ranOn(server)
  assert(!onServer.length, `the server's log shows it ran rebuild ${id}`)
  const onWorkers = workers.map((w) => ({ w, pids: ranOn(w) })).filter((x) => x.pids.length)
  assert(onWorkers.length === 1 && onWorkers[0].pids.length === 1, `rebuild ${id} ran ${onWorkers.reduce((n, x) => n + x.pids.length, 0)}x on the workers (want once)`)
  const { w, pids } = onWorkers[0]
  assert(pids[0] === w.pid, `the worker's log names pid ${pids[0]}, the worker process is ${w.pid}`)
  return [
    `POST on the server (pid ${server.pid}) answered 202 with ${id} running, 0/${started.rebuild.total}`,
    `run by ${w.name} (pid ${w.pid}, MEDUSA_WORKER_MODE=worker); the server's log has no rebuild work`,
    `GET: done, ${done.processed}/${done.total} customers, ${secs(new Date(done.finished_at) - new Date(done.started_at))}`,
  ]
}

// ------------------------------------------------------------------------------------------------

async function main() {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  if (process.env.DATABASE_URL) {
    console.log("Ignoring DATABASE_URL: the test uses its own throwaway Postgres")
    delete process.env.DATABASE_URL
  }

  redis = await step("Start redis-server on loopback", async () => {
    const r = await startRedis()
    console.log(`redis-server on ${r.url} (pid ${r.pid})`)
    return r
  })
  // Migrations with the Redis config, as a deployment runs them (the Redis workflow engine has its own).
  process.env.REDIS_URL = redis.url
  db = await step("Start a throwaway Postgres and migrate", () => prepareDatabase({ throwaway: true, quietMigrate: true }))

  const [server, worker1, worker2] = await step("Start the server and two workers; create the admin user", async () => {
    const server = await startInstance("server", "server", {})
    // Workers log at debug level: the plugin's one line per job run.
    const worker1 = await startInstance("worker-1", "worker", { LOG_LEVEL: "debug" })
    const worker2 = await startInstance("worker-2", "worker", { LOG_LEVEL: "debug" })
    const user = medusaCli("create-user", ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], {
      REDIS_URL: redis.url,
      // Like `medusa exec`: no jobs and no event handling in this short-lived process.
      MEDUSA_WORKER_MODE: "server",
    })
    for (const i of [server, worker1, worker2]) {
      try {
        await waitForHealth(i.baseUrl, 240_000, i.medusa.child)
      } catch (e) {
        console.error(tail(i))
        throw new Error(`${i.name}: ${e.message}`)
      }
      console.log(`${i.name}: MEDUSA_WORKER_MODE=${i.mode}, port ${i.port}, pid ${i.pid}`)
    }
    await user
    return [server, worker1, worker2]
  })
  const workers = [worker1, worker2]
  const admin = await adminSdk(server.baseUrl)
  const shop = await step("Set up the store through the server's admin API", () => setUpStore(admin))

  await check("a. an order through the server: points, membership and metrics exactly once", () => checkOrder(server, admin, shop))
  await check("b. each plugin job runs once per due time, not once per instance", () => checkJobs(server, workers))
  await check("c. a rebuild started on the server runs on a worker", () => checkRebuild(server, workers, admin))
}

let failed = false
try {
  await main()
} catch (e) {
  failed = true
  console.error(`\n${e.stack ?? e.message}`)
  for (const i of instances) {
    console.error(`\n--- last lines of ${i.name} (${path.relative(ROOT, i.logFile)}) ---\n${tail(i)}`)
  }
} finally {
  await cleanup()
}
failed ||= results.length < 3 || results.some((r) => !r.ok)

console.log("\nSteps")
for (const { name, ms, ok } of timings) console.log(`  ${ok ? "✔" : "✘"} ${name.padEnd(44)} ${secs(ms).padStart(8)}`)
console.log("\nChecks")
for (const r of results) console.log(`  ${r.ok ? "PASS" : "FAIL"} ${r.name.padEnd(76)} ${secs(r.ms).padStart(8)}`)
console.log(`\ntest:workers ${failed ? "FAILED" : "passed"} in ${secs(Date.now() - startedAt)} (logs in ${path.relative(ROOT, ARTIFACTS)}/)`)
process.exit(failed ? 1 : 0)
