import { hostname } from "node:os"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../modules/customer-insight"
import {
  requestInsightRebuildWorkflow,
  startInsightRebuildWorkflow,
  updateInsightRebuildWorkflow,
} from "../workflows/insight-rebuilds"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { runExclusive } from "./exclusive-job"
import { listCustomersToRebuild } from "./queries/customer-metrics"

/**
 * Customers per workflow run: a crash loses at most one page, which the next rebuild redoes. One
 * set-based statement computes a page, and a page has a fixed cost (at 100k customers 500 took
 * 0.3 s, 5,000 took 0.8 s), so fewer, larger pages finish a big store sooner.
 */
export const REBUILD_PAGE_SIZE = 5000
/** Every rebuild runs under this lock (locking module): one at a time across instances. */
export const REBUILD_LOCK_KEY = "medusa-crm:rebuild-customer-insights"
/** How long the lock outlives an instance that died holding it (Redis locking; in memory it dies with the process). */
const REBUILD_LOCK_SECONDS = 3600

type Progress = (processed: number, total: number) => void
type RebuildRecord = { id: string; status: string; total: number }

const service = (container: MedusaContainer) => container.resolve<CustomerInsightModuleService>(CUSTOMER_INSIGHT_MODULE)

/**
 * Opens a rebuild record (409 while another one is running) and hands it to a worker through
 * `crm.insights_rebuild.requested`: the admin's route answers at once and never does the work.
 */
export async function requestRebuild(container: MedusaContainer) {
  const { result } = await requestInsightRebuildWorkflow(container).run()
  return result
}

/**
 * Recomputes every customer's metrics, page by page (set-based SQL per page), recording progress
 * on the rebuild record; the caller holds the rebuild lock. A rebuild found with progress (its
 * instance stopped) starts again from the first page: pages are recomputed from the orders, so
 * redoing one changes nothing. Gives exactly what the incremental path gives: both run the same
 * statements.
 */
async function executeRebuild(container: MedusaContainer, record: RebuildRecord, onProgress?: Progress) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const where = `${hostname()} (pid ${process.pid})`
  logger.info(`medusa-crm: customer metrics rebuild ${record.id} runs on ${where}`)
  let processed = 0
  try {
    for (let after = ""; ; ) {
      const page = await listCustomersToRebuild(container, after, REBUILD_PAGE_SIZE)
      if (!page.length) {
        break
      }
      await refreshCustomerInsightsWorkflow(container).run({ input: { customer_ids: page } })
      processed += page.length
      after = page[page.length - 1]
      const total = Math.max(record.total, processed)
      await updateInsightRebuildWorkflow(container).run({ input: { id: record.id, processed, total } })
      onProgress?.(processed, total)
    }
    await updateInsightRebuildWorkflow(container).run({
      input: { id: record.id, status: "done", processed, total: processed, finished_at: new Date() },
    })
  } catch (e) {
    await updateInsightRebuildWorkflow(container).run({
      input: { id: record.id, status: "failed", error: (e as Error).message, finished_at: new Date() },
    })
    throw e
  }
  logger.info(`medusa-crm: customer metrics rebuild ${record.id} done on ${where}: ${processed} customers`)
  return processed
}

/**
 * Runs a requested rebuild (the `crm.insights_rebuild.requested` subscriber, on a worker).
 * Idempotent: the rebuild lock lets one instance at a time in, and under it only a rebuild still
 * `running` is taken; one done or failed is left as it is. So the same event twice (or on two
 * workers at once) runs it once. Under the lock no other instance can be working on a running
 * rebuild, so one found with progress was left by a stopped worker and is run again (a redelivered
 * event resumes it). An instance that finds the lock taken leaves the rebuild to the holder, or to
 * the nightly job, which resumes what is left running. Returns the customers processed, or null
 * when it did not run.
 */
export async function runRebuild(container: MedusaContainer, rebuildId: string, onProgress?: Progress) {
  return await runExclusive(
    container,
    REBUILD_LOCK_KEY,
    "customer metrics rebuild",
    async () => {
      const [record] = await service(container).listInsightRebuilds({ id: rebuildId }, { take: 1 })
      if (record?.status !== "running") {
        return null
      }
      return await executeRebuild(container, record, onProgress)
    },
    REBUILD_LOCK_SECONDS
  )
}

/**
 * Rebuilds every customer's metrics on this instance, to the end (the nightly job, the command,
 * the seed): under the rebuild lock, resumes a rebuild left running (its worker stopped: nothing
 * else can run one while this instance holds the lock), or else opens a new one. 409 (CONFLICT)
 * while another instance holds the lock.
 */
export async function rebuildCustomerInsights(container: MedusaContainer, onProgress?: Progress) {
  const outcome = await runExclusive(
    container,
    REBUILD_LOCK_KEY,
    "customer metrics rebuild",
    async () => {
      const [left] = await service(container).listInsightRebuilds(
        { status: "running" },
        { order: { started_at: "DESC" }, take: 1 }
      )
      const record = left ?? (await startInsightRebuildWorkflow(container).run()).result
      const processed = await executeRebuild(container, record, onProgress)
      return { id: record.id, processed }
    },
    REBUILD_LOCK_SECONDS
  )
  if (!outcome) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "A rebuild of the customer metrics is already running on another instance")
  }
  return outcome
}
