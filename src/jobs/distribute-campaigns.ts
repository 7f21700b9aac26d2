import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { distributeRunningCampaigns } from "../workflows/campaigns/run"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/**
 * Every running campaign gets a distribution pass: a campaign that started since the last pass
 * gets its first entries, and customers who came to match a running campaign (a tag, a segment's
 * filter) get theirs. One instance at a time; resumable (see `distributeRunningCampaigns`). Logs
 * ids and counts only.
 */
export default async function distributeCampaignsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  const outcomes = await distributeRunningCampaigns(container)
  const added = (outcomes ?? []).reduce((n, o) => n + (o.status === "succeeded" ? o.added : 0), 0)
  if (added) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`medusa-crm: distributed ${added} inbox entries`)
  }
}

export const config = crmJobConfig({
  name: "medusa-crm-distribute-campaigns",
  // Every 5 minutes.
  schedule: "*/5 * * * *",
})
