import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"

export type MembershipReminder = {
  membership_id: string
  customer_id: string
  email: string
  number: string
  plan_name: string
  expires_at: string
}

export const prepareMembershipRemindersStepId = "prepare-membership-reminders"

/**
 * The reminders due among the given memberships at `now`: active, expiring within their plan's
 * reminder days, not reminded for this expiry date yet, holder with an e-mail address.
 * Writes nothing.
 */
export const prepareMembershipRemindersStep = createStep(
  prepareMembershipRemindersStepId,
  async (input: { membership_ids: string[]; now: Date | string }, { container }) => {
    const service: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const now = new Date(input.now).getTime()
    const memberships = await service.listMemberships(
      { id: input.membership_ids, status: "active" },
      { relations: ["plan"], select: ["id", "number", "customer_id", "expires_at", "reminded_for", "plan.name", "plan.reminder_days"] }
    )
    const due = memberships.filter((m) => {
      if (!m.expires_at || !m.plan.reminder_days) {
        return false
      }
      const expires = new Date(m.expires_at).getTime()
      const already = m.reminded_for && new Date(m.reminded_for).getTime() === expires
      return !already && expires > now && expires - now <= m.plan.reminder_days * 86_400_000
    })
    if (!due.length) {
      return new StepResponse([] as MembershipReminder[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: due.map((m) => m.customer_id) },
    })
    const emails = new Map((customers as { id: string; email: string | null }[]).map((c) => [c.id, c.email]))
    return new StepResponse(
      due
        .filter((m) => emails.get(m.customer_id))
        .map((m) => ({
          membership_id: m.id,
          customer_id: m.customer_id,
          email: emails.get(m.customer_id)!,
          number: m.number,
          plan_name: m.plan.name,
          expires_at: new Date(m.expires_at!).toISOString(),
        }))
    )
  }
)
