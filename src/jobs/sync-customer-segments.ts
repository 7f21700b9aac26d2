import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncAllSegments } from "../workflows/segments/run"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/**
 * Every synced segment gets a full sync into its group: what events cannot catch (days since the
 * last order drifting, a missed event, a segment marked dirty after a failed sync) is put right
 * within a quarter of an hour. One instance at a time; resumable (see `syncAllSegments`).
 */
export default async function syncCustomerSegmentsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  const synced = await syncAllSegments(container, "schedule")
  if (synced) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`medusa-crm: synced ${synced} customer segments`)
  }
}

export const config = crmJobConfig({
  name: "medusa-crm-sync-customer-segments",
  // Every 15 minutes.
  schedule: "*/15 * * * *",
})
