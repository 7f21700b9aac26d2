// `npm run bench:privacy`: the anonymization benchmark. Starts a throwaway embedded Postgres (or
// uses DATABASE_URL) and migrates it, then, inside Medusa (`medusa exec`), gives customers
// BENCH_ORDERS (1,000) orders each and times anonymizing them through the customer-data registry
// (median of BENCH_CUSTOMERS, 3) beside a plain UPDATE of the same order rows, with the peak
// memory; then one run of the retention policy over BENCH_RETENTION_CUSTOMERS (10,000) inactive
// customers beside a plain UPDATE of as many. Figures also go into the benchmark report
// (scripts/lib/bench-report.mjs); in `npm run bench` (part `privacy`) the same runs on a copy of
// the scale data set. It prints figures; it asserts nothing.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { figure, isMain, medusaExec, runOnThrowawayDatabase } from "./lib/bench-report.mjs"

/**
 * Part `privacy`: anonymizing a customer with 1,000 orders (median of `ctx.runs` customers, at
 * most 5) and the retention policy over 10,000 inactive customers, each beside a plain UPDATE of
 * the same rows.
 * @param {{ databaseUrl: string, report: Function, runs: number, log?: Function, people?: number, orders?: number }} ctx
 */
export async function run(ctx) {
  const resultPath = path.join(os.tmpdir(), `bench-privacy-${process.pid}.json`)
  const people = ctx.people ?? Math.max(1, Math.min(ctx.runs, 5))
  try {
    const exec = await medusaExec("./src/scripts/bench-privacy.ts", {
      DATABASE_URL: ctx.databaseUrl,
      BENCH_PRIVACY_RESULT: resultPath,
      // Named for this benchmark (BENCH_ORDERS and BENCH_CUSTOMERS also size the scale data set).
      BENCH_ORDERS: String(ctx.orders || process.env.BENCH_PRIVACY_ORDERS || 1000),
      BENCH_CUSTOMERS: String(people),
      BENCH_RETENTION_CUSTOMERS: process.env.BENCH_RETENTION_CUSTOMERS || "10000",
      LOG_LEVEL: "error",
    })
    const r = JSON.parse(fs.readFileSync(resultPath, "utf8"))
    if (r.anonymize) {
      const a = r.anonymize
      ctx.report({
        what: `Anonymize a customer with ${a.orders} orders`,
        value: a.ms / 1000,
        unit: "s",
        baseline: "plain UPDATE of the same rows",
        baseline_value: a.plain_ms / 1000,
        target: "< 2 s",
        ok: a.ms < 2000 && a.leftover === 0,
        runs: a.customers,
        peak_mb: a.peak_mb,
        note: `median of ${a.customers} customers; ${a.leftover} orders still carry the e-mail; peak MB: resident memory of the medusa exec process (${Math.round(exec.peak_mb)} MB VmHWM over the whole benchmark)`,
      })
    }
    if (r.retention) {
      const t = r.retention
      ctx.report({
        what: `Retention over ${t.customers} inactive customers (one run of the daily job)`,
        value: t.ms / 1000,
        unit: "s",
        baseline: "plain UPDATE of as many customers and addresses",
        baseline_value: t.plain_ms / 1000,
        target: "< 300 s",
        ok: !t.projected && t.ms < 300_000 && t.left === 0 && t.failed === 0,
        runs: 1,
        peak_mb: t.peak_mb,
        note: t.projected
          ? `projected: stopped after ${Math.round(t.projected.after_ms / 1000)} s at ${t.projected.done}/${t.projected.total} customers (BENCH_RETENTION_MAX_S)`
          : `run ${t.status}: ${t.candidates} candidates, ${t.anonymized} anonymized, ${t.failed} failed, ${t.left} left with their e-mail`,
      })
    }
  } finally {
    fs.rmSync(resultPath, { force: true })
  }
}

if (isMain(import.meta.url)) {
  const code = await runOnThrowawayDatabase("privacy", (databaseUrl) =>
    run({
      databaseUrl,
      report: figure,
      runs: 3,
      people: Number(process.env.BENCH_CUSTOMERS || 3),
      orders: Number(process.env.BENCH_ORDERS || 1000),
      log: console.log,
    })
  )
  process.exit(code)
}
