import { CrmEvents } from "../../../lib/events"
import { cancelRefusal, formatDay, membershipLabel } from "../../../modules/membership/utils"
import { refuse, type MembershipActionHandler } from "./planner"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/** Cancelled now (out of the benefit group at once), or scheduled for the end of the period. */
export const cancelMembership: MembershipActionHandler<"cancel"> = async (p, input) => {
  const m = await p.membership(input.membership_id, input.customer_id)
  refuse(cancelRefusal(m, input.at))
  if (input.at === "period_end") {
    p.change.update.push({ id: m.id, cancel_at_period_end: true })
    p.event(m, "cancel_scheduled", input.actor, { at: m.expires_at })
    p.note(m.customer_id, `Membership ${membershipLabel(m)} will be cancelled on ${formatDay(m.expires_at)}`, input.actor, noteEvent("membership_cancel_scheduled", { membership: membershipLabel(m), expires_at: isoDay(m.expires_at) }))
    p.touched(CrmEvents.MEMBERSHIP_CANCEL_SCHEDULED, m)
    return
  }
  p.deactivate(m, { id: m.id, status: "cancelled", cancelled_at: p.now })
  p.event(m, "cancelled", input.actor, {})
  p.note(m.customer_id, `Membership ${membershipLabel(m)} cancelled`, input.actor, noteEvent("membership_cancelled", { membership: membershipLabel(m) }))
  p.touched(CrmEvents.MEMBERSHIP_CANCELLED, m)
}
