import type { MedusaContainer } from "@medusajs/framework/types"
import { runRetention } from "../lib/retention"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/**
 * The retention policy, daily: when retention is on, anonymizes the customers inactive for the
 * configured period (per person; kept: exempting consents, legal holds, open orders, another
 * active record), in pages, each person in its own transaction, recorded as a run with its
 * counts. Once across instances (the locking module); a run left running by a crash is resumed
 * from its cursor first. Logs ids and counts only.
 */
export default async function privacyRetentionJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await runRetention(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-privacy-retention",
  // Daily at 04:00 (server time).
  schedule: "0 4 * * *",
})
