// `npm run bench:insights`: the customer insights benchmark. Seeds a throwaway demo store (full by
// default; `-- --small` for a quick look), then, inside Medusa (`medusa exec`), times the full
// rebuild of the metrics on the demo data and on a set BENCH_SCALE (10) times larger made by
// copying its orders, and measures the freshness delay from `order.placed` to updated metrics
// over BENCH_ORDERS (20) new orders (median). `-- --scale` instead runs part `insights` of
// `npm run bench` on its own: the full rebuild at 100,000 customers (a copy of the scale data set)
// beside an aggregate SELECT over the same orders. Figures also go into the benchmark report
// (scripts/lib/bench-report.mjs). It prints figures; it asserts nothing.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { prepareDatabase, seedDemo } from "./lib/demo-db.mjs"
import { figure, isMain, median, medusaExec, runPartStandalone } from "./lib/bench-report.mjs"

/** The rebuild's targets at 100,000 customers. */
const TARGET_S = 20
const TARGET_RATIO = 3

/**
 * Part `insights`: the full metrics rebuild over the data set (`ctx.runs` times at most, while the
 * rebuilds took under two minutes; one still running after BENCH_INSIGHTS_MAX_S, 300 s, is
 * stopped and its time projected from its pace) beside an aggregate SELECT of the same totals.
 * @param {{ databaseUrl: string, report: Function, runs: number, log?: Function }} ctx
 */
export async function run(ctx) {
  const resultPath = path.join(os.tmpdir(), `bench-insights-${process.pid}.json`)
  try {
    const exec = await medusaExec("./src/scripts/bench-insights.ts", {
      DATABASE_URL: ctx.databaseUrl,
      BENCH_INSIGHTS_MODE: "scale",
      BENCH_INSIGHTS_RESULT: resultPath,
      BENCH_INSIGHTS_RUNS: String(Math.max(1, Math.min(ctx.runs, 3))),
      LOG_LEVEL: "error",
    })
    const r = JSON.parse(fs.readFileSync(resultPath, "utf8"))
    const s = (ms) => ms / 1000
    console.log(`\nFull metrics rebuild: ${r.customers} customers with orders, ${r.orders} orders`)
    console.log(`  rebuild:          ${s(r.rebuild_ms).toFixed(1)} s (median of ${r.rebuild_runs}${r.projected ? "; projected from a stopped run" : ""}), target < ${TARGET_S} s`)
    console.log(`  aggregate SELECT: ${s(r.aggregate_ms).toFixed(1)} s (median of ${r.aggregate_runs})`)
    console.log(`  ratio:            ${(r.rebuild_ms / r.aggregate_ms).toFixed(1)}x (target within ${TARGET_RATIO}x)`)
    ctx.report({
      what: `Full metrics rebuild, ${r.customers} customers with orders, ${r.orders} orders`,
      value: s(r.rebuild_ms),
      unit: "s",
      baseline: "aggregate SELECT over the same orders",
      baseline_value: s(r.aggregate_ms),
      target: `< ${TARGET_S} s; within ${TARGET_RATIO}×`,
      ok: s(r.rebuild_ms) < TARGET_S && r.rebuild_ms / r.aggregate_ms <= TARGET_RATIO,
      runs: r.rebuild_runs,
      peak_mb: exec.peak_mb,
      note: [
        r.projected
          ? `projected: stopped at ${r.rebuilds.at(-1).processed}/${r.rebuilds.at(-1).total} customers after ${process.env.BENCH_INSIGHTS_MAX_S || 300} s`
          : null,
        "peak MB: the medusa exec process (VmHWM)",
      ]
        .filter(Boolean)
        .join("; "),
    })
  } finally {
    fs.rmSync(resultPath, { force: true })
  }
}

/** Today's stand-alone benchmark on the demo store. */
async function demoBenchmark() {
  const size = process.argv.includes("--small") ? "small" : "full"
  const started = Date.now()
  const db = await prepareDatabase({ throwaway: true, quietMigrate: true })
  const resultPath = path.join(os.tmpdir(), `bench-insights-demo-${process.pid}.json`)
  let code = 0
  try {
    console.log(`Seeding the ${size} demo store…`)
    seedDemo(db.databaseUrl, size)
    await medusaExec("./src/scripts/bench-insights.ts", { DATABASE_URL: db.databaseUrl, BENCH_INSIGHTS_RESULT: resultPath })
    const r = JSON.parse(fs.readFileSync(resultPath, "utf8"))
    process.env.BENCH_PART = "insights-demo"
    figure({
      what: `Full metrics rebuild, demo data × ${r.scale + 1} (${r.large.customers} customers, ${r.large.orders} orders)`,
      value: r.large_ms / 1000,
      unit: "s",
      baseline: `demo data (${r.demo.orders} orders)`,
      baseline_value: r.demo_ms / 1000,
      runs: 1,
    })
    figure({
      what: "Metrics fresh after order.placed, at rest",
      value: median(r.delays),
      unit: "ms",
      runs: r.delays.length,
      note: "median; under load: part freshness of npm run bench",
    })
  } catch (e) {
    console.error(e.message)
    code = 1
  } finally {
    fs.rmSync(resultPath, { force: true })
    await db.stop()
  }
  console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return code
}

if (isMain(import.meta.url)) {
  const code = process.argv.includes("--scale")
    ? await runPartStandalone("insights", run, { runs: Number(process.env.BENCH_RUNS || 3) })
    : await demoBenchmark()
  process.exit(code)
}
