// `node scripts/bench-parts/run-one.mjs <part> [more parts]`: runs app benchmark parts alone,
// without `npm run bench`. Each part gets its own copy of the 100k data set
// (`medusa_crm_bench_list`, built by `npm run gen:scale` / `bench:list`) on the Postgres server of
// DATABASE_URL (default: the shared one on localhost:55432), migrated with the repo's app, and is
// dropped afterwards (BENCH_KEEP_DB=1 keeps it). Figures are printed as a table and appended as
// JSON lines to BENCH_REPORT when set. Not a part itself: it has no `run` export.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { createDatabase, databaseUrlOf, dropDatabase, migrate, ROOT, withDb } from "../lib/host-app.mjs"

const TEMPLATE = process.env.BENCH_TEMPLATE_DB || "medusa_crm_bench_list"

async function main() {
  const parts = process.argv.slice(2)
  if (!parts.length) {
    const here = path.dirname(fileURLToPath(import.meta.url))
    const known = fs.readdirSync(here).filter((f) => f.endsWith(".mjs") && f !== "run-one.mjs").map((f) => f.replace(/\.mjs$/, ""))
    console.error(`usage: node scripts/bench-parts/run-one.mjs <${known.join("|")}> ...`)
    process.exit(2)
  }
  const server = process.env.DATABASE_URL || "postgres://postgres:postgres@localhost:55432/postgres"
  const adminDatabaseUrl = databaseUrlOf(server, "postgres")
  const runs = Number(process.env.BENCH_RUNS || 9)
  const figures = []
  const report = (figure) => {
    figures.push(figure)
    if (process.env.BENCH_REPORT) fs.appendFileSync(process.env.BENCH_REPORT, JSON.stringify(figure) + "\n")
    console.log(`  figure: ${figure.what}: ${figure.value} ${figure.unit ?? ""}${figure.ok === false ? " (target missed)" : ""}`)
  }
  const log = (msg) => console.log(`  ${msg}`)
  let code = 0
  for (const part of parts) {
    const started = Date.now()
    const name = `bench_${part.replace(/\W/g, "_")}_${process.pid}`
    console.log(`\n== ${part}: copying ${TEMPLATE} to ${name}`)
    const ready = await withDb(databaseUrlOf(server, TEMPLATE), (c) =>
      c.query("SELECT completed_at FROM crm_bench_dataset WHERE name = 'list'").then((r) => r.rows[0]?.completed_at)
    )
    if (!ready) throw new Error(`${TEMPLATE} is not finished yet (crm_bench_dataset.completed_at is not set)`)
    const databaseUrl = await createDatabase(adminDatabaseUrl, name, TEMPLATE)
    try {
      migrate(databaseUrl)
      const mod = await import(pathToFileURL(path.join(ROOT, "scripts", "bench-parts", `${part}.mjs`)).href)
      await mod.run({ databaseUrl, adminDatabaseUrl, report, runs, log, root: ROOT })
    } catch (e) {
      console.error(`${part} failed: ${e.stack ?? e.message}`)
      code = 1
    } finally {
      if (process.env.BENCH_KEEP_DB !== "1") await dropDatabase(adminDatabaseUrl, name)
    }
    console.log(`== ${part} done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  console.log("")
  console.log("| what | value | baseline | ratio | target | ok | runs | peak MB | note |")
  console.log("|---|---|---|---|---|---|---|---|---|")
  for (const f of figures) {
    const ratio = f.baseline_value ? (f.value / f.baseline_value).toFixed(2) : ""
    const base = f.baseline ? `${f.baseline}${f.baseline_value !== undefined && f.baseline_value !== null ? `: ${f.baseline_value} ${f.unit ?? ""}` : ""}` : ""
    console.log(`| ${f.what} | ${f.value} ${f.unit ?? ""} | ${base} | ${ratio} | ${f.target ?? ""} | ${f.ok === undefined ? "" : f.ok ? "yes" : "NO"} | ${f.runs ?? ""} | ${f.peak_mb ?? ""} | ${f.note ?? ""} |`)
  }
  process.exit(code)
}

// Imported by an orchestrator that loads every file here: do nothing then.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main()
}
