import { CrmEvents } from "../../../lib/events"
import { formatDay, membershipLabel, type PurchaseEvent } from "../../../modules/membership/utils"
import type { MembershipPlanner } from "./planner"
import type { LoadedMembership, MembershipActor } from "./types"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/**
 * Takes back what one order line bought, because the order was canceled or the line refunded: the
 * membership it created is cancelled, the renewal it made rolled back to the expiry before it
 * (ending the membership when that date has passed). Call it only when `stillHeld`.
 */
export function takeBackPurchase(
  p: MembershipPlanner,
  m: LoadedMembership,
  event: PurchaseEvent,
  order: { id: string; display_id: number },
  why: "canceled" | "refunded"
) {
  const system: MembershipActor = { type: "system" }
  const reason = `order_${why}`
  if (event.type === "created") {
    p.deactivate(m, { id: m.id, status: "cancelled", cancelled_at: p.now })
    p.event(m, "cancelled", system, { order_id: order.id, reason })
    p.note(m.customer_id, `Membership ${membershipLabel(m)} cancelled: order #${order.display_id} was ${why}`, system, noteEvent("membership_taken_back", { membership: membershipLabel(m), display_id: order.display_id, why }))
    p.touched(CrmEvents.MEMBERSHIP_CANCELLED, m)
    return
  }
  const back = new Date(((event.data ?? {}) as { from: string }).from)
  const update = { id: m.id, expires_at: back, reminded_for: null }
  if (back <= p.now) {
    p.deactivate(m, { ...update, status: "expired" })
  } else {
    p.change.update.push(update)
  }
  p.event(m, "expiration_edited", system, { from: m.expires_at, to: back, order_id: order.id, reason })
  p.note(m.customer_id, `Membership ${membershipLabel(m)}: renewal taken back, order #${order.display_id} was ${why} (now valid until ${formatDay(back)})`, system, noteEvent("membership_renewal_taken_back", { membership: membershipLabel(m), display_id: order.display_id, why, expires_at: isoDay(back) }))
  p.touched(CrmEvents.MEMBERSHIP_EXPIRATION_EDITED, m)
}
