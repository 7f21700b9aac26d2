import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addDays } from "../lib/loyalty"
import { runExclusive } from "../lib/exclusive-job"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../modules/loyalty"
import {
  expireLoyaltyPointsWorkflow,
  sendLoyaltyExpiryRemindersWorkflow,
} from "../workflows/run-loyalty-schedule"
import { loadLoyaltyProgram } from "../workflows/steps/loyalty-validate"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

export const EXPIRE_POINTS_PAGE_SIZE = 100

/**
 * Once a day: expires the points that passed their date (oldest first), then e-mails customers
 * whose points expire within the program's reminder days, a page of accounts per workflow run.
 * Each account remembers how far reminders and expiry got, so a crash resumes where it stopped and
 * a second run changes nothing. One instance runs it at a time (locking module).
 */
export async function expireLoyaltyPoints(container: MedusaContainer, now = new Date()) {
  const result = await runExclusive(
    container,
    "medusa-crm:expire-loyalty-points",
    "points expiry",
    async () => {
      const program = await loadLoyaltyProgram(container)
      const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
      let reminded = 0
      let expired = 0
      for (let after: string | null = null; ; ) {
        const ids = await service.listAccountsWithCreditsExpiring(
          "expired_through", now, EXPIRE_POINTS_PAGE_SIZE, after, null
        )
        if (!ids.length) {
          break
        }
        const { result } = await expireLoyaltyPointsWorkflow(container).run({
          input: { account_ids: ids, now },
        })
        expired += result.length
        after = ids[ids.length - 1]
      }
      if (program.enabled && program.expiry_reminder_days > 0) {
        const until = addDays(now, program.expiry_reminder_days)
        for (let after: string | null = null; ; ) {
          const ids = await service.listAccountsWithCreditsExpiring(
            "reminded_through", until, EXPIRE_POINTS_PAGE_SIZE, after, now
          )
          if (!ids.length) {
            break
          }
          const { result } = await sendLoyaltyExpiryRemindersWorkflow(container).run({
            input: { account_ids: ids, until, now },
          })
          reminded += result.length
          after = ids[ids.length - 1]
        }
      }
      return { reminded, expired }
    },
    1800
  )
  if (result && (result.reminded || result.expired)) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `medusa-crm: points expiry sent ${result.reminded} reminders and expired points on ${result.expired} accounts`
      )
  }
  return result ?? { reminded: 0, expired: 0 }
}

export default async function expireLoyaltyPointsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await expireLoyaltyPoints(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-expire-loyalty-points",
  // Daily at 03:10 (server time), when stores are quiet.
  schedule: "10 3 * * *",
})
