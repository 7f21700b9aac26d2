// `npm run bench:privacy`: the anonymization benchmark. Starts a throwaway embedded Postgres (or
// uses DATABASE_URL) and migrates it, then, inside Medusa (`medusa exec`), gives customers
// BENCH_ORDERS (1,000) orders each and times anonymizing them through the customer-data registry
// (median of BENCH_CUSTOMERS, 3) beside a plain UPDATE of the same order rows, with the peak
// memory. It prints figures; it asserts nothing.
import { medusaSync, prepareDatabase } from "./lib/demo-db.mjs"

const started = Date.now()
const db = await prepareDatabase({ throwaway: true, quietMigrate: true })
let code = 0
try {
  medusaSync(["exec", "./src/scripts/bench-privacy.ts"], { DATABASE_URL: db.databaseUrl })
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await db.stop()
}
console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(code)
