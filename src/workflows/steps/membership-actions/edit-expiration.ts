import { CrmEvents } from "../../../lib/events"
import { expiryRefusal, formatDay, membershipLabel } from "../../../modules/membership/utils"
import { refuse, type MembershipActionHandler } from "./planner"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/** A new expiry: one in the past ends the membership, a future one makes an expired one active again. */
export const editMembershipExpiration: MembershipActionHandler<"edit_expiration"> = async (p, input) => {
  const m = await p.membership(input.membership_id, input.customer_id)
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null
  refuse(expiryRefusal(m, expiresAt))
  const update = { id: m.id, expires_at: expiresAt, reminded_for: null }
  if (expiresAt && expiresAt <= p.now) {
    p.deactivate(m, { ...update, status: "expired" })
  } else {
    p.reactivate(m, update)
  }
  p.event(m, "expiration_edited", input.actor, { from: m.expires_at, to: expiresAt })
  p.note(m.customer_id, `Membership ${membershipLabel(m)}: expiry changed from ${formatDay(m.expires_at)} to ${formatDay(expiresAt)}`, input.actor, noteEvent("membership_expiry_changed", { membership: membershipLabel(m), from_at: isoDay(m.expires_at), to_at: isoDay(expiresAt) }))
  p.touched(CrmEvents.MEMBERSHIP_EXPIRATION_EDITED, m)
}
