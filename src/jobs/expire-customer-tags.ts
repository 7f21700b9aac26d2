import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runExclusive } from "../lib/exclusive-job"
import { removeCustomerTagsWorkflow } from "../workflows/remove-customer-tags"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/** Tags removed per workflow run: a crash loses at most one page's work, which the next run redoes. */
export const EXPIRE_TAGS_PAGE_SIZE = 200

/**
 * Removes tags whose expiry has passed, with their benefit group membership and a system note,
 * page by page. One instance at a time runs it (locking module); another instance that finds the
 * lock taken skips this round. Returns how many tags it removed.
 */
export async function expireCustomerTags(container: MedusaContainer, now = new Date()) {
  const removed = await runExclusive(container, "medusa-crm:expire-customer-tags", "tag expiry", async () => {
    let count = 0
    for (;;) {
      const { result } = await removeCustomerTagsWorkflow(container).run({
        input: { expired_before: now, limit: EXPIRE_TAGS_PAGE_SIZE, reason: "expired" },
      })
      count += result.length
      if (result.length < EXPIRE_TAGS_PAGE_SIZE) {
        return count
      }
    }
  })
  if (removed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-crm: removed ${removed} expired customer tags`)
  }
  return removed ?? 0
}

export default async function expireCustomerTagsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await expireCustomerTags(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-expire-customer-tags",
  // Every 15 minutes: an expired tag's benefit stops within a quarter of an hour.
  schedule: "*/15 * * * *",
})
