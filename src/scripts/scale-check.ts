import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { computeCustomerMetrics } from "../lib/queries/customer-metrics"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../modules/customer-insight"
import { progressBar } from "./rebuild-insights"

/** The ids of the data set's customers `from`..`to` (see scripts/lib/list-dataset.mjs). */
const customerIds = (from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `cus_bl${String(from + i).padStart(width, "0")}`)

/**
 * The app's half of `npm run gen:scale` (scripts/lib/list-dataset.mjs runs it with
 * `medusa exec ./src/scripts/scale-check.ts metrics <customers> <page size>`): the data set's
 * metrics, derived from its orders by the plugin's own recompute (the statement and the service
 * call that the order subscribers and the rebuild run), a page of customers per transaction.
 * Resumable: each page done is recorded in the data set's marker (`stages.metrics`), and a page
 * redone replaces its rows, so a run that stopped continues at the first page not recorded.
 */
export default async function scaleCheck({ container, args }: ExecArgs) {
  const [mode, customersArg, pageArg] = args ?? []
  if (mode !== "metrics") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown mode "${mode}": this script runs "metrics <customers> <page size>"`)
  }
  const customers = Number(customersArg)
  const page = Number(pageArg) || 2000
  if (!Number.isInteger(customers) || customers < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `metrics needs the number of customers (got "${customersArg}")`)
  }
  const width = Math.max(7, String(customers).length)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
  const { rows } = await pg.raw(`SELECT (stages->>'metrics')::int AS done FROM crm_bench_dataset WHERE name = 'list'`)
  const done = Number(rows[0]?.done ?? 0)
  const label = `  ${"metrics".padEnd(22)}`
  if (done >= customers) {
    console.log(`${label} ${progressBar(customers, customers)} (done before)`)
    return
  }
  const started = Date.now()
  process.stdout.write(`${label} ${progressBar(done, customers)}`)
  for (let from = done + 1; from <= customers; from += page) {
    const to = Math.min(customers, from + page - 1)
    await service.recomputeCustomers(customerIds(from, to, width), computeCustomerMetrics)
    await pg.raw(
      `UPDATE crm_bench_dataset SET stages = stages || jsonb_build_object('metrics', ?::int) WHERE name = 'list'`,
      [to]
    )
    process.stdout.write(`\r${label} ${progressBar(to, customers)}`)
  }
  process.stdout.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
