import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { removeCustomerTagsWorkflow } from "../workflows/remove-customer-tags"

/** Tags removed per workflow run: a crash loses at most one page's work, which the next run redoes. */
export const EXPIRE_TAGS_PAGE_SIZE = 200
const LOCK_KEY = "medusa-crm:expire-customer-tags"

/**
 * Removes tags whose expiry has passed, with their benefit group membership and a system note,
 * page by page. One instance at a time runs it (locking module); another instance that finds the
 * lock taken skips this round. Returns how many tags it removed.
 */
export async function expireCustomerTags(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const locking = container.resolve(Modules.LOCKING)
  let removed = 0
  try {
    await locking.execute(
      LOCK_KEY,
      async () => {
        for (;;) {
          const { result } = await removeCustomerTagsWorkflow(container).run({
            input: { expired_before: now, limit: EXPIRE_TAGS_PAGE_SIZE, reason: "expired" },
          })
          removed += result.length
          if (result.length < EXPIRE_TAGS_PAGE_SIZE) {
            break
          }
        }
      },
      { timeout: 1, expire: 300 }
    )
  } catch (e) {
    if (removed === 0 && /timed-out|acquir/i.test((e as Error).message)) {
      logger.info("medusa-crm: tag expiry is running on another instance; skipped")
      return 0
    }
    throw e
  }
  if (removed) {
    logger.info(`medusa-crm: removed ${removed} expired customer tags`)
  }
  return removed
}

export default async function expireCustomerTagsJob(container: MedusaContainer) {
  await expireCustomerTags(container)
}

export const config = {
  name: "medusa-crm-expire-customer-tags",
  // Every 15 minutes: an expired tag's benefit stops within a quarter of an hour.
  schedule: "*/15 * * * *",
}
