import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runExclusive } from "../lib/exclusive-job"
import { stalePersonalPromotions } from "../lib/messages/personal-promotions"
import { deactivatePersonalPromotionsWorkflow } from "../workflows/inbox/deactivate-personal-promotions"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/** Promotions deactivated per workflow run: a crash loses at most one page, which the next run redoes. */
export const EXPIRE_OFFERS_PAGE_SIZE = 200

/**
 * Deactivates the personal promotions (personal offers' codes, rewards bought with points) of
 * entries that expired (campaign ended, reward past its end) or that staff removed, page by page.
 * Only still-active promotions are read, so each page is new work and a run interrupted anywhere is
 * finished by the next. One instance at a time (locking module). Returns how many it deactivated.
 */
export async function expireOffers(container: MedusaContainer, now = new Date()) {
  const count = await runExclusive(container, "medusa-crm:expire-offers", "offer expiry", async () => {
    let total = 0
    for (;;) {
      const page = await stalePersonalPromotions(container, EXPIRE_OFFERS_PAGE_SIZE, now)
      if (!page.length) {
        return total
      }
      const { result } = await deactivatePersonalPromotionsWorkflow(container).run({
        input: { promotion_ids: page.map((p) => p.promotion_id) },
      })
      total += result.length
      if (page.length < EXPIRE_OFFERS_PAGE_SIZE || !result.length) {
        return total
      }
    }
  })
  if (count) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-crm: deactivated ${count} personal promotions of expired or removed offers`)
  }
  return count ?? 0
}

export default async function expireOffersJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await expireOffers(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-expire-offers",
  // Every 15 minutes: a personal code stops working within a quarter of an hour after its offer
  // runs out by date (ending a campaign early deactivates its codes at once, see the subscriber).
  schedule: "*/15 * * * *",
})
