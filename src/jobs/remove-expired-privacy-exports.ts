import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sharedConnection } from "../lib/customer-data"
import { runExclusive } from "../lib/exclusive-job"
import { expiredExportFiles } from "../lib/privacy-export"
import { removeExportFilesWorkflow } from "../workflows/privacy/export-customer-data"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/** Export files handled per round of the job's loop. */
const BATCH = 100

/**
 * Removes the files of data exports whose download expired, a page at a time through
 * `removeExportFilesWorkflow`: the file leaves the file module and the request keeps its row (the
 * requests log) without `file_id`. Resumable: a handled export has no file any more, so an
 * interrupted run goes on where it stopped. Returns how many files it removed.
 */
export async function removeExpiredPrivacyExports(container: MedusaContainer): Promise<number> {
  let removed = 0
  for (;;) {
    const due = await expiredExportFiles(sharedConnection(container), BATCH)
    if (!due.length) {
      return removed
    }
    const { result } = await removeExportFilesWorkflow(container).run({ input: { exports: due } })
    removed += result
    if (due.length < BATCH || result === 0) {
      return removed
    }
  }
}

export default async function removeExpiredPrivacyExportsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const removed = await runExclusive(
    container,
    "medusa-crm:remove-expired-privacy-exports",
    "removing expired data exports",
    () => removeExpiredPrivacyExports(container),
    3600
  )
  if (removed) {
    logger.info(`medusa-crm: removed ${removed} expired data export files`)
  }
}

export const config = crmJobConfig({
  name: "medusa-crm-remove-expired-privacy-exports",
  schedule: "15 4 * * *",
})
