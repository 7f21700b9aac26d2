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
import { figure, isMain, median, medusaExec, runOnThrowawayDatabase, runPartStandalone } from "./lib/bench-report.mjs"

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 100_000)
const PSQL = process.env.PSQL || "/usr/bin/psql"

/** A text progress bar: `[#####.....] 120/240 (50%)`. */
function progressBar(done, total, width = 30) {
  const share = total ? Math.min(1, done / total) : 1
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`
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

/**
 * Part `export`: every customer with every column through `streamCustomerList` (inside Medusa,
 * `medusa exec`) into a CSV file, `ctx.runs` times (at most 5), beside psql's `\copy` of the same
 * SELECT as often; the medians, and the peak memory above what the process used before.
 * @param {{ databaseUrl: string, report: Function, runs: number, log?: Function, currency?: string }} ctx
 */
export async function run(ctx) {
  const runs = Math.max(1, Math.min(ctx.runs, 5))
  const resultPath = path.join(os.tmpdir(), `bench-export-${process.pid}.json`)
  const currency = ctx.currency ?? process.env.BENCH_EXPORT_CURRENCY
  try {
    console.log("Exporting every customer with every column through streamCustomerList (CSV):")
    await medusaExec("./src/scripts/bench-export.ts", {
      DATABASE_URL: ctx.databaseUrl,
      BENCH_EXPORT_RESULT: resultPath,
      BENCH_EXPORT_RUNS: String(runs),
      LOG_LEVEL: "error",
      ...(currency ? { BENCH_EXPORT_CURRENCY: currency } : {}),
    })
    const result = JSON.parse(fs.readFileSync(resultPath, "utf8"))
    const rate = (rows, ms) => Math.round(rows / (ms / 1000))
    const rows = result.runs[0].rows
    const peak = Math.max(...result.runs.map((r) => r.rss_delta))
    console.log("")
    console.log(`Columns: ${result.columns.length} (all), currency ${result.currency}, rows ${rows}`)
    for (const [i, r] of result.runs.entries()) {
      console.log(`  streamCustomerList run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${rate(r.rows, r.ms)} rows/s, ${mb(r.size_bytes)} file, peak RSS +${mb(r.rss_delta)}, heap +${mb(r.heap_delta)}`)
    }
    const copies = []
    for (let i = 0; i < runs; i++) {
      const copy = psqlCopy(ctx.databaseUrl, result.copy_sql)
      if (!copy) break
      copies.push(copy)
      console.log(`  psql \\copy run ${i + 1}:          ${(copy.ms / 1000).toFixed(2)} s, ${rate(rows, copy.ms)} rows/s, ${mb(copy.size)} file`)
    }
    const exportRate = median(result.runs.map((r) => rate(r.rows, r.ms)))
    const copyRate = copies.length ? median(copies.map((c) => rate(rows, c.ms))) : null
    const peakMb = peak / 1024 / 1024
    console.log("")
    console.log(`streamCustomerList: ${exportRate} rows/s (median of ${runs}), peak extra memory ${mb(peak)} (target < 100 MB)`)
    if (copyRate) {
      console.log(`psql \\copy:         ${copyRate} rows/s (the physical limit)`)
      console.log(`Ratio: ${(exportRate / copyRate).toFixed(2)} of \\copy's speed (target >= 0.33)`)
    } else {
      console.log(`psql not found at ${PSQL}: no \\copy baseline (set PSQL=/path/to/psql)`)
    }
    ctx.report({
      what: `Export of ${rows} customers, all ${result.columns.length} columns (CSV)`,
      value: exportRate,
      unit: "rows/s",
      baseline: "psql \\copy of the same SELECT",
      baseline_value: copyRate ?? undefined,
      target: ">= 1/3 of its rows/s; < 100 MB extra",
      ok: copyRate ? exportRate / copyRate >= 1 / 3 && peakMb < 100 : peakMb < 100 ? null : false,
      runs,
      peak_mb: peakMb,
      note: `peak MB: resident memory above the process's own before the export; currency ${result.currency}`,
    })
  } finally {
    fs.rmSync(resultPath, { force: true })
  }
}

if (isMain(import.meta.url)) {
  const rebuild = process.argv.includes("--rebuild")
  const runs = Number(process.env.BENCH_EXPORT_RUNS || 2)
  let code
  if (process.env.BENCH_EXPORT_SIMPLE_DATASET) {
    // The small stand-alone data set on a throwaway Postgres.
    code = await runOnThrowawayDatabase("export", async (databaseUrl) => {
      await buildSimpleDataset(databaseUrl, CUSTOMERS)
      await run({ databaseUrl, report: figure, runs, log: console.log, currency: "eur" })
    })
  } else {
    code = await runPartStandalone("export", run, { runs, rebuild })
  }
  process.exit(code)
}
