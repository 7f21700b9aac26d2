import { CrmEvents } from "../../../lib/events"
import { addDuration, formatDay } from "../../../modules/membership/utils"
import { MembershipErrorCodes } from "../../../types/http/memberships"
import { refuse, type MembershipActionHandler } from "./planner"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/** A new membership of a plan for a customer, from now (or `starts_at`) for the plan's duration (or to `expires_at`). */
export const assignMembership: MembershipActionHandler<"assign"> = async (p, input) => {
  await p.customerName(input.customer_id)
  const plan = await p.plan(input.plan_id)
  const startsAt = input.starts_at ? new Date(input.starts_at) : p.now
  const expiresAt = input.expires_at ? new Date(input.expires_at) : addDuration(startsAt, plan.duration_unit, plan.duration_value)
  refuse(
    expiresAt && expiresAt <= startsAt
      ? { code: MembershipErrorCodes.EXPIRY_BEFORE_START, message: "The expiry must be after the start" }
      : null
  )
  const m = await p.newMembership(plan, input.customer_id, startsAt, expiresAt, "admin", null)
  p.event(m, "created", input.actor, { plan_id: plan.id, starts_at: startsAt, expires_at: expiresAt })
  p.note(m.customer_id, `Membership ${plan.name} (${m.number}) assigned, valid until ${formatDay(expiresAt)}`, input.actor, noteEvent("membership_assigned", { membership: `${plan.name} (${m.number})`, expires_at: isoDay(expiresAt) }))
  p.touched(CrmEvents.MEMBERSHIP_CREATED, m)
}
