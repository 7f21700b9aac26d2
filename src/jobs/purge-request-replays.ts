import type { MedusaContainer } from "@medusajs/framework/types"
import { CRM_REQUEST_MODULE, type CrmRequestModuleService } from "../modules/crm-request"

/**
 * Removes the stored answers of admin write requests once their replay window has passed (they
 * are also removed on the next write), so an answer that names a customer does not stay behind
 * when nobody writes for a while. One statement, safe to run on several instances at once.
 */
export default async function purgeRequestReplaysJob(container: MedusaContainer) {
  const service: CrmRequestModuleService = container.resolve(CRM_REQUEST_MODULE)
  await service.purgeExpiredRequests()
}

export const config = {
  name: "medusa-crm-purge-request-replays",
  schedule: "*/15 * * * *",
}
