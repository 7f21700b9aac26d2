// `npm run bench:insights`: the customer insights benchmark. Seeds a throwaway demo store (full by
// default; `-- --small` for a quick look), then, inside Medusa (`medusa exec`), times the full
// rebuild of the metrics on the demo data and on a set BENCH_SCALE (10) times larger made by
// copying its orders, and measures the freshness delay from `order.placed` to updated metrics
// over BENCH_ORDERS (20) new orders (median). It prints figures; it asserts nothing.
import { medusaSync, prepareDatabase, seedDemo } from "./lib/demo-db.mjs"

const size = process.argv.includes("--small") ? "small" : "full"
const started = Date.now()
const db = await prepareDatabase({ throwaway: true, quietMigrate: true })
let code = 0
try {
  console.log(`Seeding the ${size} demo store…`)
  seedDemo(db.databaseUrl, size)
  medusaSync(["exec", "./src/scripts/bench-insights.ts"], { DATABASE_URL: db.databaseUrl })
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await db.stop()
}
console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(code)
