// `npm run gen:scale -- --customers 100000 --orders 300000`: fills a database with the data set at
// scale (scripts/lib/list-dataset.mjs: customers, orders Medusa accepts, and the plugin's rows
// derived from those orders), then checks it through the running app (scripts/lib/scale-check.mjs).
// The embedded Postgres in .data/bench-list-pg by default; with DATABASE_URL, that server (the
// database named in the URL, unless it is `postgres`: then `medusa_crm_bench_list`).
//
//   --customers N   customers (default 100000, or env BENCH_CUSTOMERS)
//   --orders N      orders (default 300000, or env BENCH_ORDERS)
//   --db NAME       the database on the server (default medusa_crm_bench_list)
//   --rebuild       start over instead of reusing or resuming a build
//   --check         only check the data set that is there (no build)
//   --no-check      build only
//   --sample N      customers whose plugin rows are recounted by the check (default 100)
//
// Interrupt it any time: the next run continues where it stopped. It prints its duration.
import { prepareListDataset, LIST_DATASET_CUSTOMERS, LIST_DATASET_ORDERS, LIST_DATASET_DB } from "./lib/list-dataset.mjs"
import { checkDataset } from "./lib/scale-check.mjs"

function parseArgs(argv) {
  const opts = { customers: LIST_DATASET_CUSTOMERS, orders: LIST_DATASET_ORDERS, sample: 100, check: true, build: true }
  const count = (name, value) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`${name} takes a whole number of at least 1 (got "${value ?? ""}")`)
    }
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.split("=", 2)
    const value = () => inline ?? argv[++i]
    if (flag === "--customers") opts.customers = count(flag, value())
    else if (flag === "--orders") opts.orders = count(flag, value())
    else if (flag === "--sample") opts.sample = count(flag, value())
    else if (flag === "--db") opts.database = value()
    else if (flag === "--rebuild") opts.rebuild = true
    else if (flag === "--check") opts.build = false
    else if (flag === "--no-check") opts.check = false
    else throw new Error(`Unknown option ${arg} (see the top of scripts/gen-scale.mjs)`)
  }
  if (!opts.database && process.env.DATABASE_URL) {
    const named = decodeURIComponent(new URL(process.env.DATABASE_URL).pathname.replace(/^\//, ""))
    if (named && named !== "postgres") opts.database = named
  }
  opts.database ??= LIST_DATASET_DB
  if (!/^[A-Za-z0-9_]+$/.test(opts.database)) {
    throw new Error(`--db takes letters, digits and underscores (got "${opts.database}")`)
  }
  return opts
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

let opts
try {
  opts = parseArgs(process.argv.slice(2))
} catch (e) {
  console.error(e.message)
  process.exit(2)
}

const started = Date.now()
let dataset = null
let code = 0
let stopping = false
const stopAll = async () => {
  if (stopping) return
  stopping = true
  await dataset?.stop()
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping; run the same command again to continue where it stopped`)
    stopAll().finally(() => process.exit(130))
  })
}
try {
  if (opts.build) {
    dataset = await prepareListDataset(opts)
    console.log(`gen:scale: ${dataset.customers} customers, ${dataset.orders} orders ready in ${seconds(Date.now() - started)}`)
  } else {
    // --check: the sizes are read from the data set's marker.
    dataset = await prepareListDataset({ ...opts, checkOnly: true })
  }
  if (opts.check) {
    const checkStarted = Date.now()
    const problems = await checkDataset(dataset.databaseUrl, { sample: opts.sample })
    console.log(`Check ${problems ? `found ${problems} mismatch(es)` : "passed"} in ${seconds(Date.now() - checkStarted)}`)
    if (problems) code = 1
  }
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await stopAll()
}
console.log(`gen:scale took ${seconds(Date.now() - started)}`)
process.exit(code)
