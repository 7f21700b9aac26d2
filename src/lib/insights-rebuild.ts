import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../modules/customer-insight"
import { startInsightRebuildWorkflow, updateInsightRebuildWorkflow } from "../workflows/insight-rebuilds"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { runExclusive } from "./exclusive-job"
import { listCustomersToRebuild } from "./queries/customer-metrics"

/** Customers per workflow run: a crash loses at most one page, which the next rebuild redoes. */
export const REBUILD_PAGE_SIZE = 500
type Progress = (processed: number, total: number) => void

/** Opens a rebuild record (409 while another one is running). Returns the record. */
export async function startRebuildRecord(container: MedusaContainer) {
  const { result } = await startInsightRebuildWorkflow(container).run()
  return result
}

/**
 * Recomputes every customer's metrics, page by page (set-based SQL per page), recording progress
 * on the rebuild record. One instance at a time (locking module). Gives exactly what the
 * incremental path gives: both run the same statements.
 */
export async function runRebuild(container: MedusaContainer, rebuildId: string, onProgress?: Progress) {
  const service: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
  const outcome = await runExclusive(
    container,
    "medusa-crm:rebuild-customer-insights",
    "customer metrics rebuild",
    async () => {
      const [record] = await service.listInsightRebuilds({ id: rebuildId })
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
          await updateInsightRebuildWorkflow(container).run({ input: { id: rebuildId, processed, total: Math.max(record.total, processed) } })
          onProgress?.(processed, Math.max(record.total, processed))
        }
        await updateInsightRebuildWorkflow(container).run({ input: { id: rebuildId, status: "done", processed, total: processed, finished_at: new Date() } })
        return processed
      } catch (e) {
        await updateInsightRebuildWorkflow(container).run({ input: { id: rebuildId, status: "failed", error: (e as Error).message, finished_at: new Date() } })
        throw e
      }
    },
    3600
  )
  if (outcome === null) {
    await updateInsightRebuildWorkflow(container).run({ input: { id: rebuildId, status: "failed", error: "Another instance is rebuilding", finished_at: new Date() } })
  }
  return outcome
}

/** Starts and runs a rebuild to the end (the job and the command). */
export async function rebuildCustomerInsights(container: MedusaContainer, onProgress?: Progress) {
  const record = await startRebuildRecord(container)
  const processed = await runRebuild(container, record.id, onProgress)
  return { id: record.id, processed: processed ?? 0 }
}
