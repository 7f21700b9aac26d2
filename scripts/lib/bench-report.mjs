// The benchmark report's shared pieces: every benchmark (`npm run bench` and each `npm run
// bench:<name>`) records its figures through `figure()`, one JSON line each in the file named by
// BENCH_REPORT (.artifacts/bench/figures.jsonl by default); `npm run bench` reads them back into one
// table. Also: the median, peak-memory sampling (this process, or another process and its
// children through /proc), private copies of the scale data set, and an async `medusa exec`.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { prepareDatabase, ROOT, withClient } from "./demo-db.mjs"

export { ROOT }
export const DEFAULT_REPORT = path.join(ROOT, ".artifacts", "bench", "figures.jsonl")

/** The JSON lines file the figures go to. */
export const reportFile = () => path.resolve(ROOT, process.env.BENCH_REPORT || DEFAULT_REPORT)

const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null)

/**
 * Records one figure: appends a JSON line to BENCH_REPORT and returns the row.
 * `value` and `baseline_value` are in `unit`; `ratio` is value / baseline_value (under 1: faster
 * than the baseline for a time, slower for a rate). `ok`: true, false, or null when there is no
 * target. `runs`: how many runs the median is of. `peak_mb`: the peak memory of what was measured.
 * The part (BENCH_PART, set by `npm run bench`) is recorded with it.
 * @param {{ what: string, value?: number, unit?: string, baseline?: string, baseline_value?: number,
 *   target?: string, ok?: boolean | null, runs?: number, peak_mb?: number, note?: string }} row
 */
export function figure(row) {
  if (!row?.what) throw new Error("figure(): `what` is required")
  const value = num(row.value)
  const baselineValue = num(row.baseline_value)
  const out = {
    run: process.env.BENCH_RUN_ID || null,
    part: process.env.BENCH_PART || null,
    what: row.what,
    value,
    unit: row.unit ?? "",
    baseline: row.baseline ?? null,
    baseline_value: baselineValue,
    ratio: value !== null && baselineValue ? value / baselineValue : null,
    target: row.target ?? null,
    ok: typeof row.ok === "boolean" ? row.ok : null,
    runs: num(row.runs),
    peak_mb: num(row.peak_mb) === null ? null : Math.round(row.peak_mb),
    note: row.note ?? null,
    at: new Date().toISOString(),
  }
  const file = reportFile()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.appendFileSync(file, `${JSON.stringify(out)}\n`)
  return out
}

/** The figures recorded in the report file (all, or those written at or after `since`, a Date; or of one `run` id). */
export function readFigures(since, run) {
  const file = reportFile()
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((r) => (!since || new Date(r.at) >= since) && (!run || r.run === run))
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const MB = 1024 * 1024

/** A /proc/<pid>/status field in MB (VmRSS, VmHWM), or 0 when the process is gone. */
function statusMb(pid, field) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const m = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/** A process and its descendants (Linux /proc), e.g. `medusa develop` and the server it forks. */
export function processTree(pid) {
  const children = new Map()
  for (const entry of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  const out = []
  const walk = (p) => {
    out.push(p)
    for (const c of children.get(p) ?? []) walk(c)
  }
  walk(pid)
  return out
}

/** The high-water mark of resident memory (VmHWM) of a process, in MB: its peak since it started. */
export const vmHwmMb = (pid) => statusMb(pid, "VmHWM")

/**
 * Samples resident memory every `interval` ms until `stop()`: this process's RSS, or with `pid`
 * the summed RSS of that process and its descendants (read from /proc). `stop()` returns
 * `{ peak_mb, start_mb, extra_mb }` (extra: the peak above the first sample).
 * @param {{ pid?: number, interval?: number }} opts
 */
export function peakMemory(opts = {}) {
  const interval = opts.interval ?? (opts.pid ? 50 : 5)
  const read = opts.pid
    ? () => processTree(opts.pid).reduce((sum, p) => sum + statusMb(p, "VmRSS"), 0)
    : () => process.memoryUsage().rss / MB
  const start = read()
  let peak = start
  const sample = () => {
    peak = Math.max(peak, read())
    return peak
  }
  const timer = setInterval(sample, interval)
  timer.unref?.()
  return {
    sample,
    stop() {
      sample()
      clearInterval(timer)
      return { peak_mb: peak, start_mb: start, extra_mb: peak - start }
    },
  }
}

/** Runs `work()` while sampling memory (see `peakMemory`); `{ value, ms, peak_mb, extra_mb }`. */
export async function withPeakMemory(work, opts = {}) {
  const sampler = peakMemory(opts)
  const started = performance.now()
  try {
    const value = await work()
    const ms = performance.now() - started
    return { value, ms, ...sampler.stop() }
  } catch (e) {
    sampler.stop()
    throw e
  }
}

/** The server's `postgres` database URL (for CREATE/DROP DATABASE) and the database name of a URL. */
export function adminUrlOf(databaseUrl) {
  const u = new URL(databaseUrl)
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""))
  u.pathname = "/postgres"
  return { adminDatabaseUrl: u.toString(), name }
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`

/**
 * A private copy of the database at `templateUrl` (CREATE DATABASE … TEMPLATE, which needs no
 * other session on the template: retried for a while when one is there). Returns
 * `{ databaseUrl, adminDatabaseUrl, name, drop }`; `drop()` ends its sessions and drops it.
 */
export async function copyDatabase(templateUrl, name, { log = console.log, timeoutMs = 300_000 } = {}) {
  const { adminDatabaseUrl, name: template } = adminUrlOf(templateUrl)
  const started = Date.now()
  await withClient(adminDatabaseUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`)
        break
      } catch (e) {
        // 55006: the template is being accessed by other users (someone else is copying it).
        if (e.code !== "55006" || Date.now() - started > timeoutMs) throw e
        if (attempt === 1) log(`  ${template} is busy; waiting to copy it…`)
        await new Promise((r) => setTimeout(r, 2000))
      }
    }
  })
  log(`  copied ${template} to ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const u = new URL(templateUrl)
  u.pathname = `/${name}`
  const drop = () =>
    withClient(adminDatabaseUrl, async (c) => {
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)
    })
  return { databaseUrl: u.toString(), adminDatabaseUrl, name, drop }
}

/** The Postgres server's version string (`16.4` style) for the report. */
export async function postgresVersion(databaseUrl) {
  return withClient(databaseUrl, async (c) => (await c.query("SHOW server_version")).rows[0].server_version)
}

/** The machine, for the report: CPU model and cores, RAM, Node. */
export function machineInfo() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model?.trim() || "unknown",
    cores: cpus.length,
    ram_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load_avg: os.loadavg().map((l) => Math.round(l * 100) / 100),
  }
}

/**
 * `medusa exec <script>` (or another medusa command) in its own process group, without blocking
 * this process, so its memory can be sampled. Resolves `{ peak_mb }` (the highest VmHWM of the
 * process tree, sampled while it ran); rejects when it fails.
 */
export function medusaExec(script, env = {}, { args = ["exec", script], stdio = "inherit" } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), args, {
      cwd: ROOT,
      stdio,
      detached: true,
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    })
    let peak = 0
    const sample = () => {
      for (const p of processTree(child.pid)) peak = Math.max(peak, vmHwmMb(p))
    }
    const timer = setInterval(sample, 200)
    const end = () => {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        // gone
      }
    }
    process.once("SIGINT", end)
    child.once("error", (e) => {
      clearInterval(timer)
      reject(e)
    })
    child.once("exit", (code, signal) => {
      clearInterval(timer)
      process.off("SIGINT", end)
      if (code === 0) resolve({ peak_mb: peak })
      else reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`))
    })
  })
}

/** Formats a number for the table: 3 significant digits, thousands separated. */
export function fmt(v) {
  if (v === null || v === undefined) return "—"
  const abs = Math.abs(v)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return v.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: 0 })
}

/** The report's rows as a table: what | figure | baseline | ratio | target | ok | peak MB. */
export function tableRows(figures) {
  return figures.map((f) => [
    f.what,
    f.value === null ? "—" : `${fmt(f.value)} ${f.unit}`.trim(),
    f.baseline ? `${f.baseline}${f.baseline_value !== null ? `: ${fmt(f.baseline_value)} ${f.unit}`.trimEnd() : ""}` : "—",
    f.ratio === null ? "—" : `${f.ratio >= 100 ? fmt(f.ratio) : f.ratio.toFixed(2)}×`,
    f.target ?? "—",
    f.ok === null ? "—" : f.ok ? "ok" : f.value === null ? "failed" : "missed",
    f.peak_mb === null ? "—" : String(f.peak_mb),
  ])
}

export const TABLE_HEADER = ["what", "figure", "baseline", "ratio", "target", "ok", "peak MB"]

/** A plain-text table with aligned columns. */
export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ").trimEnd()
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n")
}

/** A Markdown table. */
export function markdownTable(header, rows) {
  const esc = (c) => String(c).replace(/\|/g, "\\|")
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n")
}

/**
 * A single benchmark on a throwaway embedded Postgres (migrated, nothing else): `work(databaseUrl)`
 * runs the part and returns false when it did not complete. Prints the duration; returns the exit code.
 */
export async function runOnThrowawayDatabase(part, work) {
  const started = Date.now()
  const db = await prepareDatabase({ throwaway: true, quietMigrate: true })
  let code = 0
  try {
    process.env.BENCH_PART = part
    if ((await work(db.databaseUrl)) === false) code = 1
  } catch (e) {
    console.error(e.message)
    code = 1
  } finally {
    await db.stop()
  }
  console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return code
}

/**
 * Runs one part on its own, as `npm run bench:<name>` does: the scale data set
 * (`prepareListDataset`), a private copy of it, the part, the copy dropped; prints the part's
 * figures as a table. Returns the process exit code.
 */
export async function runPartStandalone(name, run, { runs = 5, rebuild = false } = {}) {
  const { prepareListDataset } = await import("./list-dataset.mjs")
  const started = Date.now()
  const since = new Date()
  process.env.BENCH_PART = name
  const dataset = await prepareListDataset({ rebuild })
  let copy = null
  let code = 0
  try {
    copy = await copyDatabase(dataset.databaseUrl, `bench_${name}_${process.pid}`)
    await run({
      databaseUrl: copy.databaseUrl,
      adminDatabaseUrl: copy.adminDatabaseUrl,
      report: figure,
      runs,
      log: console.log,
      root: ROOT,
      dataset: { customers: dataset.customers, orders: dataset.orders },
    })
  } catch (e) {
    console.error(e.stack || e.message)
    code = 1
  } finally {
    await copy?.drop().catch((e) => console.error(`Could not drop ${copy.name}: ${e.message}`))
    await dataset.stop()
  }
  const figures = readFigures(since).filter((f) => f.part === name)
  if (figures.length) console.log(`\n${textTable(TABLE_HEADER, tableRows(figures))}`)
  console.log(`Figures appended to ${path.relative(ROOT, reportFile())}`)
  console.log(`Benchmark done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return code
}

/** Whether the module at `url` (import.meta.url) is the script node was started with. */
export const isMain = (url) => !!process.argv[1] && path.resolve(process.argv[1]) === new URL(url).pathname
