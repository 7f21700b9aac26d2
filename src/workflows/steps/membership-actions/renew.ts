import { CrmEvents } from "../../../lib/events"
import { addDuration, formatDay, membershipLabel, renewalRefusal, renewalStart } from "../../../modules/membership/utils"
import { refuse, type MembershipActionHandler } from "./planner"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/** One more period from the later of now and the expiry; undoes a scheduled cancellation. */
export const renewMembership: MembershipActionHandler<"renew"> = async (p, input) => {
  const m = await p.membership(input.membership_id, input.customer_id)
  refuse(renewalRefusal(m))
  const expiresAt = addDuration(renewalStart(m.expires_at!, p.now), m.plan.duration_unit, m.plan.duration_value)
  p.reactivate(m, { id: m.id, expires_at: expiresAt, cancel_at_period_end: false, reminded_for: null })
  p.event(m, "renewed", input.actor, { from: m.expires_at, to: expiresAt })
  p.note(m.customer_id, `Membership ${membershipLabel(m)} renewed until ${formatDay(expiresAt)}`, input.actor, noteEvent("membership_renewed", { membership: membershipLabel(m), expires_at: isoDay(expiresAt) }))
  p.touched(CrmEvents.MEMBERSHIP_RENEWED, m)
}
