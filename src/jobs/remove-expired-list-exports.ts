import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sharedConnection } from "../lib/customer-data"
import { runExclusive } from "../lib/exclusive-job"
import { expiredExports } from "../modules/crm-report/exports"
import { removeExpiredListExportsWorkflow, resumeStalledListExportsWorkflow } from "../workflows/list-exports"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/** Exports handled per round of the job's loop. */
const BATCH = 100

/**
 * Expires CRM list exports whose download time is over, a page at a time through
 * `removeExpiredListExportsWorkflow`: status `expired`, the file removed from the file module, the
 * row kept (who exported what and when). Resumable: an expired export is not picked again. Returns
 * how many it expired.
 */
export async function removeExpiredListExports(container: MedusaContainer): Promise<number> {
  let removed = 0
  for (;;) {
    const due = await expiredExports(sharedConnection(container), BATCH)
    if (!due.length) {
      return removed
    }
    const { result } = await removeExpiredListExportsWorkflow(container).run({ input: { ids: due.map((e) => e.id) } })
    removed += result
    if (due.length < BATCH || result === 0) {
      return removed
    }
  }
}

/**
 * Exports a stopped worker left running (no progress for a while) are put back to pending and
 * requested again, so they finish. Returns their ids.
 */
export async function resumeStalledListExports(container: MedusaContainer): Promise<string[]> {
  const { result } = await resumeStalledListExportsWorkflow(container).run()
  return result
}

export default async function removeExpiredListExportsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const outcome = await runExclusive(
    container,
    "medusa-crm:remove-expired-list-exports",
    "expiring CRM list exports",
    async () => ({ removed: await removeExpiredListExports(container), resumed: await resumeStalledListExports(container) }),
    3600
  )
  if (outcome?.removed) {
    logger.info(`medusa-crm: expired ${outcome.removed} CRM list exports`)
  }
  if (outcome?.resumed.length) {
    logger.info(`medusa-crm: resumed stalled CRM list exports ${outcome.resumed.join(", ")}`)
  }
}

export const config = crmJobConfig({
  name: "medusa-crm-remove-expired-list-exports",
  schedule: "20 * * * *",
})
