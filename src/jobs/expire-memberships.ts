import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runExclusive } from "../lib/exclusive-job"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../modules/membership"
import { expireMembershipsWorkflow, sendMembershipRemindersWorkflow } from "../workflows/membership-actions"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

export const MEMBERSHIP_PAGE_SIZE = 100
/** Reminders look this far ahead at most (a plan's reminder days are capped at 365). */
const REMINDER_HORIZON_DAYS = 366

/**
 * Ends memberships whose expiry has passed (expired, or cancelled when scheduled for the period's
 * end), taking holders and co-members out of the benefit group, then e-mails holders whose
 * membership expires within its plan's reminder days. Pages of 100 per workflow run; what is done
 * is no longer due, so a crash resumes and a second run changes nothing. One instance at a time.
 */
export async function expireMemberships(container: MedusaContainer, now = new Date()) {
  const result = await runExclusive(container, "medusa-crm:expire-memberships", "membership expiry", async () => {
    const service: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    let expired = 0
    let reminded = 0
    for (let after = ""; ; ) {
      const due = await service.listMemberships(
        { status: "active", expires_at: { $lte: now }, id: { $gt: after } },
        { select: ["id"], order: { id: "ASC" }, take: MEMBERSHIP_PAGE_SIZE }
      )
      if (!due.length) {
        break
      }
      after = due[due.length - 1].id
      const { result } = await expireMembershipsWorkflow(container).run({
        input: { membership_ids: due.map((m) => m.id), now },
      })
      expired += result.membership_ids.length
    }
    const horizon = new Date(now.getTime() + REMINDER_HORIZON_DAYS * 86_400_000)
    for (let after = ""; ; ) {
      const soon = await service.listMemberships(
        { status: "active", expires_at: { $gt: now, $lte: horizon }, id: { $gt: after } },
        { select: ["id"], order: { id: "ASC" }, take: MEMBERSHIP_PAGE_SIZE }
      )
      if (!soon.length) {
        break
      }
      after = soon[soon.length - 1].id
      const { result } = await sendMembershipRemindersWorkflow(container).run({
        input: { membership_ids: soon.map((m) => m.id), now },
      })
      reminded += result.length
    }
    return { expired, reminded }
  })
  if (result && (result.expired || result.reminded)) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-crm: ended ${result.expired} memberships and sent ${result.reminded} expiry reminders`)
  }
  return result ?? { expired: 0, reminded: 0 }
}

export default async function expireMembershipsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await expireMemberships(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-expire-memberships",
  // Every 15 minutes: an ended membership's benefit stops within a quarter of an hour.
  schedule: "*/15 * * * *",
})
