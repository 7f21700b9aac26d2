import type { MedusaContainer } from "@medusajs/framework/types"
import { CRM_REQUEST_MODULE, type CrmRequestModuleService } from "../modules/crm-request"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/**
 * Removes the stored answers of admin write requests once their replay window has passed (they
 * are also removed on the next write), so an answer that names a customer does not stay behind
 * when nobody writes for a while. One statement, safe to run on several instances at once.
 */
export default async function purgeRequestReplaysJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  const service: CrmRequestModuleService = container.resolve(CRM_REQUEST_MODULE)
  await service.purgeExpiredRequests()
}

export const config = crmJobConfig({
  name: "medusa-crm-purge-request-replays",
  schedule: "*/15 * * * *",
})
