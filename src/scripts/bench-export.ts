import { createWriteStream } from "node:fs"
import { rm, stat, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { streamCustomerList } from "../lib/customer-list-export"
import { columnsSelectSql, customerListSql, defaultCurrency } from "../lib/queries/customer-list"
import { CUSTOMER_LIST_COLUMNS, type CustomerListFilter } from "../types/http/customer-list"

/** Runs of the export timed (the best one is reported). */
const RUNS = Number(process.env.BENCH_EXPORT_RUNS || 2)

/**
 * The inside of `npm run bench:export` (run by `scripts/bench-export.mjs` through `medusa exec`):
 * streams every customer with every column through `streamCustomerList` into a CSV file, RUNS
 * times, with the peak resident memory above what the process used before; writes the figures
 * and the same SELECT as one line (for psql's `\copy`) to BENCH_EXPORT_RESULT as JSON.
 */
export default async function benchExport({ container }: ExecArgs) {
  const resultPath = process.env.BENCH_EXPORT_RESULT
  if (!resultPath) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "BENCH_EXPORT_RESULT is not set: run `npm run bench:export`")
  }
  const currency = (process.env.BENCH_EXPORT_CURRENCY || (await defaultCurrency(container))).toLowerCase()
  if (!/^[a-z]{3}$/.test(currency)) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Not a currency code: ${currency}`)
  }
  const filter: CustomerListFilter = { currency_code: currency }
  const columns = [...CUSTOMER_LIST_COLUMNS]

  // The same rows for psql: the engine's statement, its one value (the currency) written in.
  const { from, where, values } = customerListSql(filter, currency)
  if (Object.keys(values).join() !== "currency") {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Unexpected values: ${Object.keys(values).join()}`)
  }
  const copySql = `SELECT ${columnsSelectSql(columns)} FROM ${from} WHERE ${where} ORDER BY c.created_at, c.id`
    .replace(/:currency\b/g, `'${currency}'`)
    .replace(/\s+/g, " ")

  const file = join(tmpdir(), `bench-export-${process.pid}.csv`)
  const runs: { ms: number; rows: number; size_bytes: number; rss_delta: number; heap_delta: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const before = process.memoryUsage()
    let peakRss = before.rss
    let peakHeap = before.heapUsed
    const sample = () => {
      const now = process.memoryUsage()
      peakRss = Math.max(peakRss, now.rss)
      peakHeap = Math.max(peakHeap, now.heapUsed)
    }
    const timer = setInterval(sample, 5)
    const started = performance.now()
    let lastShown = 0
    try {
      const written = await streamCustomerList(container, { filter, columns, format: "csv" }, createWriteStream(file), (processed, total) => {
        sample()
        if (processed - lastShown >= 10_000 || processed === total) {
          lastShown = processed
          process.stdout.write(`\r  run ${i + 1}/${RUNS}: ${processed}/${total} rows`)
        }
      })
      const ms = performance.now() - started
      sample()
      process.stdout.write("\n")
      runs.push({ ms, rows: written.rows, size_bytes: (await stat(file)).size, rss_delta: peakRss - before.rss, heap_delta: peakHeap - before.heapUsed })
    } finally {
      clearInterval(timer)
    }
  }
  await rm(file, { force: true })
  await writeFile(resultPath, JSON.stringify({ currency, columns, runs, copy_sql: copySql }))
}
