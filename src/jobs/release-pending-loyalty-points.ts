import type { MedusaContainer } from "@medusajs/framework/types"
import { runExclusive } from "../lib/exclusive-job"
import { releaseDueLoyaltyPointsWorkflow } from "../workflows/run-loyalty-schedule"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

export const RELEASE_POINTS_PAGE_SIZE = 500

/**
 * Pending points whose pending days are over become available, a page per workflow run. The work
 * is a set-based UPDATE that skips rows another instance holds, so it is safe to run anywhere;
 * the lock only saves duplicate effort. Returns how many entries it released.
 */
export async function releasePendingLoyaltyPoints(container: MedusaContainer, now = new Date()) {
  const released = await runExclusive(
    container,
    "medusa-crm:release-pending-loyalty-points",
    "pending points release",
    async () => {
      let count = 0
      for (;;) {
        const { result } = await releaseDueLoyaltyPointsWorkflow(container).run({
          input: { now, limit: RELEASE_POINTS_PAGE_SIZE },
        })
        count += result.length
        if (result.length < RELEASE_POINTS_PAGE_SIZE) {
          return count
        }
      }
    }
  )
  return released ?? 0
}

export default async function releasePendingLoyaltyPointsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await releasePendingLoyaltyPoints(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-release-pending-loyalty-points",
  // Every 15 minutes: pending points become spendable within a quarter of an hour of their day.
  schedule: "*/15 * * * *",
})
