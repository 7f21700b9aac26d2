import { CrmEvents } from "../../../lib/events"
import { expiryOutcome, membershipLabel } from "../../../modules/membership/utils"
import type { MembershipActionHandler } from "./planner"
import type { MembershipActor } from "./types"
import { noteEvent } from "../../../lib/system-notes"

/**
 * The expiry job's page: each membership past its expiry expires, or is cancelled when that was
 * scheduled. One renewed or cancelled meanwhile is left alone.
 */
export const expireMemberships: MembershipActionHandler<"expire"> = async (p, input) => {
  const at = new Date(input.now)
  const system: MembershipActor = { type: "system" }
  for (const m of await p.memberships(input.membership_ids)) {
    const status = expiryOutcome(m, at)
    if (!status) {
      continue
    }
    p.deactivate(m, { id: m.id, status, ...(status === "cancelled" ? { cancelled_at: at } : {}) })
    p.event(m, status, system, { expires_at: m.expires_at })
    p.note(m.customer_id, `Membership ${membershipLabel(m)} ${status === "cancelled" ? "cancelled at the end of its period" : "expired"}`, system, noteEvent(status === "cancelled" ? "membership_cancelled_at_period_end" : "membership_expired", { membership: membershipLabel(m) }))
    p.touched(CrmEvents.MEMBERSHIP_EXPIRED, m)
  }
}
