import type { MedusaContainer } from "@medusajs/framework/types"
import { runDueReports } from "../lib/reports/runs"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/**
 * Scheduled reports, every minute: under a lock (the locking module), writes one run for each
 * report whose due time has come (one per report and due time, however many instances) and moves
 * the report to its next due time; then carries out those runs and the retries that are due, each
 * claimed by one instance. Logs ids and reasons only.
 */
export default async function runDueReportsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await runDueReports(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-run-due-reports",
  schedule: "* * * * *",
})
