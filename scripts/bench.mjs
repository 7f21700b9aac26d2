// `npm run bench`: one benchmark report. Prepares the scale data set (scripts/lib/list-dataset.mjs:
// 100,000 customers, 300,000 orders; built once, then reused), then runs every part one after the
// other, each on a private copy of the data set (CREATE DATABASE … TEMPLATE, dropped afterwards):
// this repository's own (list, duplicates, export, insights, privacy, messages) and every
// scripts/bench-parts/*.mjs (`export async function run(ctx)`). Each part records its figures
// through scripts/lib/bench-report.mjs: the figure beside its baseline measured in the same run,
// the ratio, the median of several runs, the peak memory, and the target with ok or missed. A part
// that fails is reported as failed and the others still run. At the end it prints one table and
// writes .artifacts/bench/report.md and report.json with the machine and the total duration.
//
//   npm run bench [-- --only list,export] [--runs 5] [--rebuild] [--parts]
//
// It prints figures; it asserts nothing (the exit code is 1 only when a part failed to run).
import fs from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import {
  copyDatabase,
  figure,
  machineInfo,
  markdownTable,
  postgresVersion,
  readFigures,
  reportFile,
  ROOT,
  TABLE_HEADER,
  tableRows,
  textTable,
} from "./lib/bench-report.mjs"
import { prepareListDataset } from "./lib/list-dataset.mjs"

const HERE = path.dirname(new URL(import.meta.url).pathname)
const PARTS_DIR = path.join(HERE, "bench-parts")

/** This repository's own parts, in the order they run; then scripts/bench-parts/*.mjs by name. */
const OWN_PARTS = [
  { name: "list", file: path.join(HERE, "bench-list.mjs"), fn: "run", what: "CRM list search and combined filter vs native GET /admin/customers?q=" },
  { name: "duplicates", file: path.join(HERE, "bench-list.mjs"), fn: "runDuplicates", what: "duplicate groups page and identity search vs the CRM list's first page" },
  { name: "export", file: path.join(HERE, "bench-export.mjs"), fn: "run", what: "export of every customer, all columns, vs psql \\copy" },
  { name: "insights", file: path.join(HERE, "bench-insights.mjs"), fn: "run", what: "full metrics rebuild vs an aggregate SELECT" },
  { name: "privacy", file: path.join(HERE, "bench-privacy.mjs"), fn: "run", what: "anonymize a customer with 1,000 orders; retention over 10,000" },
  { name: "messages", file: path.join(HERE, "bench-messages.mjs"), fn: "run", what: "campaign to 100,000 recipients vs a plain INSERT" },
]

function parseArgs(argv) {
  const opts = { only: null, runs: 5, rebuild: false, listParts: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const eq = a.indexOf("=")
      if (eq > 0) return a.slice(eq + 1)
      const next = argv[++i]
      if (next === undefined) throw new Error(`${a} needs a value`)
      return next
    }
    if (a === "--only" || a.startsWith("--only=")) opts.only = value().split(",").map((s) => s.trim()).filter(Boolean)
    else if (a === "--runs" || a.startsWith("--runs=")) {
      opts.runs = Number(value())
      if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error("--runs must be a whole number of at least 1")
    } else if (a === "--rebuild") opts.rebuild = true
    else if (a === "--parts") opts.listParts = true
    else if (a === "--help" || a === "-h") opts.help = true
    else throw new Error(`Unknown option ${a} (see --help)`)
  }
  return opts
}

function discoverParts() {
  const extra = fs.existsSync(PARTS_DIR)
    ? fs
        .readdirSync(PARTS_DIR)
        // run-one.mjs runs a part alone; it is no part itself.
        .filter((f) => f.endsWith(".mjs") && f !== "run-one.mjs")
        .sort()
        .map((f) => ({ name: f.replace(/\.mjs$/, ""), file: path.join(PARTS_DIR, f), fn: "run", what: `scripts/bench-parts/${f}` }))
    : []
  return [...OWN_PARTS, ...extra]
}

const secs = (ms) => (ms >= 120_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(0)} s`)

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const all = discoverParts()
  if (opts.help || opts.listParts) {
    if (opts.help) {
      console.log("npm run bench [-- --only <part,…>] [--runs N] [--rebuild] [--parts]")
      console.log("  --only    run only these parts   --runs  runs per figure (median; default 5)")
      console.log("  --rebuild build the data set again   --parts list the parts\n")
    }
    for (const p of all) console.log(`  ${p.name.padEnd(14)} ${p.what}`)
    return 0
  }
  if (opts.only) {
    const unknown = opts.only.filter((n) => !all.some((p) => p.name === n))
    if (unknown.length) throw new Error(`Unknown part(s): ${unknown.join(", ")}; the parts are ${all.map((p) => p.name).join(", ")}`)
  }
  const parts = opts.only ? all.filter((p) => opts.only.includes(p.name)) : all

  const started = Date.now()
  const runId = `${new Date(started).toISOString()}-${process.pid}`
  process.env.BENCH_RUN_ID = runId
  const machine = machineInfo()
  console.log(`Benchmark report: ${parts.map((p) => p.name).join(", ")}; median of ${opts.runs} runs`)

  const dataset = await prepareListDataset({ rebuild: opts.rebuild })
  const outcomes = []
  let pgVersion = "unknown"
  try {
    pgVersion = await postgresVersion(dataset.databaseUrl)
    for (const part of parts) {
      const partStarted = Date.now()
      console.log(`\n=== ${part.name}: ${part.what}`)
      process.env.BENCH_PART = part.name
      let copy = null
      let error = null
      try {
        const mod = await import(pathToFileURL(part.file).href)
        const run = mod[part.fn]
        if (typeof run !== "function") throw new Error(`${path.relative(ROOT, part.file)} exports no ${part.fn}(ctx)`)
        copy = await copyDatabase(dataset.databaseUrl, `bench_${part.name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${process.pid}`)
        await run({
          databaseUrl: copy.databaseUrl,
          adminDatabaseUrl: copy.adminDatabaseUrl,
          report: figure,
          runs: opts.runs,
          log: (...args) => console.log(...args),
          root: ROOT,
          dataset: { customers: dataset.customers, orders: dataset.orders },
        })
      } catch (e) {
        error = e
        console.error(`Part ${part.name} failed: ${e.stack || e.message}`)
      } finally {
        await copy?.drop().catch((e) => console.error(`Could not drop ${copy.name}: ${e.message}`))
      }
      const ms = Date.now() - partStarted
      const recorded = readFigures(null, runId).filter((f) => f.part === part.name).length
      if (error) {
        figure({ what: `${part.name}: failed`, ok: false, note: String(error.message).split("\n")[0].slice(0, 300) })
      } else if (!recorded) {
        figure({ what: `${part.name}: no figures`, ok: false, note: "the part ran but recorded no figure" })
      }
      outcomes.push({ name: part.name, ok: !error, ms, error: error ? String(error.message).split("\n")[0] : null })
      console.log(`=== ${part.name} ${error ? "failed" : "done"} in ${secs(ms)}`)
    }
  } finally {
    await dataset.stop()
  }
  delete process.env.BENCH_PART

  const totalMs = Date.now() - started
  const figures = readFigures(null, runId)
  const table = textTable(TABLE_HEADER, tableRows(figures))
  const missed = figures.filter((f) => f.ok === false).length
  const met = figures.filter((f) => f.ok === true).length
  const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.ram_gb} GB RAM; Postgres ${pgVersion}; Node ${machine.node}; ${machine.os}`
  console.log(`\nBenchmark report (${dataset.customers} customers, ${dataset.orders} orders; median of up to ${opts.runs} runs)\n`)
  console.log(table)
  console.log(`\n${met} targets met, ${missed} missed or failed; ratio = figure / baseline`)
  console.log(`Machine: ${machineLine}`)
  console.log(`Total: ${secs(totalMs)} (${outcomes.map((o) => `${o.name} ${secs(o.ms)}${o.ok ? "" : " FAILED"}`).join(", ")})`)

  const outDir = path.dirname(reportFile())
  fs.mkdirSync(outDir, { recursive: true })
  const json = {
    run: runId,
    started_at: new Date(started).toISOString(),
    duration_s: Math.round(totalMs / 1000),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    runs: opts.runs,
    dataset: { customers: dataset.customers, orders: dataset.orders },
    machine: { ...machine, postgres: pgVersion, load_avg_end: machineInfo().load_avg },
    parts: outcomes.map((o) => ({ name: o.name, ok: o.ok, duration_s: Math.round(o.ms / 1000), error: o.error })),
    figures,
  }
  fs.writeFileSync(path.join(outDir, "report.json"), `${JSON.stringify(json, null, 2)}\n`)
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.what}: ${f.note}`)
  const md = [
    `# Benchmark report`,
    "",
    `${json.started_at}, \`${json.command}\`: ${dataset.customers} customers, ${dataset.orders} orders; each figure the median of up to ${opts.runs} runs, beside its baseline measured in the same run (ratio = figure / baseline).`,
    "",
    markdownTable(TABLE_HEADER, tableRows(figures)),
    "",
    `${met} targets met, ${missed} missed or failed.`,
    "",
    "## Notes",
    "",
    ...(notes.length ? notes : ["- none"]),
    "",
    "## Machine",
    "",
    `- CPU: ${machine.cpu}, ${machine.cores} cores (load average ${machine.load_avg.join(" / ")} at the start, ${json.machine.load_avg_end.join(" / ")} at the end)`,
    `- RAM: ${machine.ram_gb} GB`,
    `- Postgres ${pgVersion}`,
    `- Node ${machine.node}, ${machine.os}`,
    "",
    `Total duration: ${secs(totalMs)} (${outcomes.map((o) => `${o.name} ${secs(o.ms)}${o.ok ? "" : " failed"}`).join(", ")}).`,
    "",
  ].join("\n")
  fs.writeFileSync(path.join(outDir, "report.md"), md)
  console.log(`Report: ${path.relative(ROOT, path.join(outDir, "report.md"))}, ${path.relative(ROOT, path.join(outDir, "report.json"))}`)
  return outcomes.every((o) => o.ok) ? 0 : 1
}

let code
try {
  code = await main()
} catch (e) {
  console.error(e.message)
  code = 1
}
process.exit(code)
