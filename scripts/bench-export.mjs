// `npm run bench:export`: the CRM list export's speed and memory. Prepares the list's big data set
// (100,000 customers with tags, memberships and metrics: scripts/lib/list-dataset.mjs when it is
// there, else a simpler one built here), then, inside Medusa (`medusa exec`), streams every
// customer with every column through `streamCustomerList` into a CSV file, and runs psql's
// `\copy (the same SELECT) TO file` on the same data as the physical limit. Prints rows per
// second, the ratio to \copy (target: at least 1/3) and the peak extra memory (target: under
// 100 MB). It prints figures; it asserts nothing.
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { medusaSync, prepareDatabase } from "./lib/demo-db.mjs"

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 100_000)
const PSQL = process.env.PSQL || "/usr/bin/psql"
const COPY_RUNS = 2

/** A text progress bar: `[#####.....] 120/240 (50%)`. */
function progressBar(done, total, width = 30) {
  const share = total ? Math.min(1, done / total) : 1
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`
}

/**
 * The data set: the list's shared one (scripts/lib/list-dataset.mjs, built once and reused) when
 * the repository has it, else `buildSimpleDataset` on a throwaway Postgres. Returns
 * `{ databaseUrl, currency, stop }` (`currency` undefined: the store's default).
 */
async function prepareDataset() {
  const shared = path.join(path.dirname(new URL(import.meta.url).pathname), "lib", "list-dataset.mjs")
  if (fs.existsSync(shared) && !process.env.BENCH_EXPORT_SIMPLE_DATASET) {
    const { prepareListDataset } = await import(shared)
    const dataset = await prepareListDataset({ rebuild: process.argv.includes("--rebuild") })
    return { databaseUrl: dataset.databaseUrl, currency: process.env.BENCH_EXPORT_CURRENCY, stop: dataset.stop }
  }
  const db = await prepareDatabase({ throwaway: true, quietMigrate: true })
  try {
    await buildSimpleDataset(db.databaseUrl, CUSTOMERS)
  } catch (e) {
    await db.stop()
    throw e
  }
  return { databaseUrl: db.databaseUrl, currency: "eur", stop: db.stop }
}

/**
 * `customers` customers (a tenth with a company, half with a phone; accents in names), half tagged
 * `vip`, a third with `level:<gold|silver>`, a fifth with an active membership, and metrics in EUR
 * for 85%: bulk SQL, 10,000 customers a statement, with a progress bar.
 */
async function buildSimpleDataset(databaseUrl, customers) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    console.log(`Building the data set: ${customers} customers`)
    await client.query(`INSERT INTO customer_tag_definition (id, key, label, value_mode) VALUES
      ('ctagdef_bench_vip', 'vip', 'VIP', 'flag'), ('ctagdef_bench_level', 'level', 'Level', 'text') ON CONFLICT DO NOTHING`)
    await client.query(`INSERT INTO membership_plan (id, name, level, duration_unit, duration_value)
      VALUES ('mplan_bench', 'Friends', 1, 'year', 1) ON CONFLICT DO NOTHING`)
    const step = 10_000
    for (let from = 1; from <= customers; from += step) {
      const to = Math.min(customers, from + step - 1)
      const range = `generate_series(${from}, ${to}) g`
      const id = `'cus_bx' || lpad(g::text, 7, '0')`
      await client.query(`INSERT INTO customer (id, email, first_name, last_name, company_name, phone, has_account, created_at, updated_at)
        SELECT ${id}, 'customer' || g || '@example.com',
               (ARRAY['Anna','Zoë','Chloé','Daan','Émile','Noah'])[1 + g % 6],
               (ARRAY['de Jong','Müller, Jr.','van Dijk','O''Brien','Ångström'])[1 + g % 5],
               CASE WHEN g % 10 = 0 THEN 'Acme, Inc.' END,
               CASE WHEN g % 2 = 0 THEN '+31 6 ' || lpad((g % 100000000)::text, 8, '0') END,
               g % 3 <> 0, now() - interval '3 years' + g * interval '15 minutes', now()
          FROM ${range}`)
      await client.query(`INSERT INTO customer_tag (id, customer_id, definition_id, value)
        SELECT 'ctag_bv' || g, ${id}, 'ctagdef_bench_vip', NULL FROM ${range} WHERE g % 2 = 0
        UNION ALL
        SELECT 'ctag_bl' || g, ${id}, 'ctagdef_bench_level', CASE WHEN g % 2 = 0 THEN 'gold' ELSE 'silver' END FROM ${range} WHERE g % 3 = 0`)
      await client.query(`INSERT INTO membership (id, number, plan_id, customer_id, status, starts_at)
        SELECT 'mship_b' || g, 'M' || g, 'mplan_bench', ${id}, 'active', now() - interval '30 days' FROM ${range} WHERE g % 5 = 0`)
      await client.query(`INSERT INTO customer_metric (id, customer_id, currency_code, orders, items, sales, paid, lifetime_value, refunded,
               raw_sales, raw_paid, raw_lifetime_value, raw_refunded, first_order_at, last_order_at, computed_at)
        SELECT 'cmet_b' || g, ${id}, 'eur', 1 + g % 7, 2 + g % 9, v, v, v, 0,
               jsonb_build_object('value', v::text, 'precision', 20), jsonb_build_object('value', v::text, 'precision', 20),
               jsonb_build_object('value', v::text, 'precision', 20), jsonb_build_object('value', '0', 'precision', 20),
               now() - interval '2 years' + (g % 300) * interval '1 day', now() - (g % 400) * interval '1 day', now()
          FROM (SELECT g, round((10 + (g * 37) % 2000)::numeric + (g % 100) / 100.0, 2) AS v FROM ${range}) s
         WHERE g % 20 < 17`)
      process.stdout.write(`\r  ${progressBar(to, customers)}`)
    }
    process.stdout.write("\n")
    await client.query("VACUUM ANALYZE")
  } finally {
    await client.end()
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** psql's `\copy (sql) TO file` as CSV with a header, timed; null when psql is missing. */
function psqlCopy(databaseUrl, sql) {
  if (!fs.existsSync(PSQL)) {
    return null
  }
  const file = path.join(os.tmpdir(), `bench-export-copy-${process.pid}.csv`)
  const started = performance.now()
  const run = spawnSync(PSQL, [databaseUrl, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (${sql}) TO '${file}' WITH (FORMAT csv, HEADER)`], {
    encoding: "utf8",
  })
  const ms = performance.now() - started
  if (run.status !== 0) {
    throw new Error(`psql failed: ${run.stderr}`)
  }
  const size = fs.statSync(file).size
  fs.rmSync(file, { force: true })
  return { ms, size }
}

const started = Date.now()
const dataset = await prepareDataset()
const resultPath = path.join(os.tmpdir(), `bench-export-${process.pid}.json`)
let code = 0
try {
  console.log("Exporting every customer with every column through streamCustomerList (CSV):")
  medusaSync(["exec", "./src/scripts/bench-export.ts"], {
    DATABASE_URL: dataset.databaseUrl,
    BENCH_EXPORT_RESULT: resultPath,
    ...(dataset.currency ? { BENCH_EXPORT_CURRENCY: dataset.currency } : {}),
  })
  const result = JSON.parse(fs.readFileSync(resultPath, "utf8"))
  const best = result.runs.reduce((a, b) => (b.ms < a.ms ? b : a))
  const peak = Math.max(...result.runs.map((r) => r.rss_delta))
  const rate = (rows, ms) => Math.round(rows / (ms / 1000))
  console.log("")
  console.log(`Columns: ${result.columns.length} (all), currency ${result.currency}, rows ${best.rows}`)
  for (const [i, r] of result.runs.entries()) {
    console.log(`  streamCustomerList run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${rate(r.rows, r.ms)} rows/s, ${mb(r.size_bytes)} file, peak RSS +${mb(r.rss_delta)}, heap +${mb(r.heap_delta)}`)
  }
  let copies = []
  for (let i = 0; i < COPY_RUNS; i++) {
    const copy = psqlCopy(dataset.databaseUrl, result.copy_sql)
    if (!copy) break
    copies.push(copy)
    console.log(`  psql \\copy run ${i + 1}:          ${(copy.ms / 1000).toFixed(2)} s, ${rate(best.rows, copy.ms)} rows/s, ${mb(copy.size)} file`)
  }
  console.log("")
  console.log(`streamCustomerList: ${rate(best.rows, best.ms)} rows/s, peak extra memory ${mb(peak)} (target < 100 MB)`)
  if (copies.length) {
    const copy = copies.reduce((a, b) => (b.ms < a.ms ? b : a))
    const ratio = copy.ms / best.ms
    console.log(`psql \\copy:         ${rate(best.rows, copy.ms)} rows/s (the physical limit)`)
    console.log(`Ratio: ${ratio.toFixed(2)} of \\copy's speed (target >= 0.33)`)
  } else {
    console.log(`psql not found at ${PSQL}: no \\copy baseline (set PSQL=/path/to/psql)`)
  }
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  fs.rmSync(resultPath, { force: true })
  await dataset.stop()
}
console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(code)
