import { CrmEvents } from "../../../lib/events"
import { addPeriods, formatDay, membershipLabel, purchasedPeriods, renewalStart } from "../../../modules/membership/utils"
import { MEMBERSHIP_FIELDS, normalize, type MembershipActionHandler } from "./planner"
import type { MembershipActor, Plan } from "./types"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/**
 * An order line with a plan's variant: a new membership, or the customer's active one of that
 * plan renewed, by as many periods as the line's quantity. A line that already did so (its event
 * carries the line id) is skipped, so the same order twice changes nothing.
 */
export const purchaseMemberships: MembershipActionHandler<"purchase"> = async (p, input) => {
  const order = await p.order(input.order_id, ["id", "display_id", "customer_id", "status", "created_at", "items.id", "items.variant_id", "items.quantity"])
  if (!order?.customer_id || order.status === "canceled") {
    return
  }
  const items = (order.items ?? []).filter((i: any) => i.variant_id)
  const plans = items.length
    ? ((await p.service.listMembershipPlans({ variant_id: items.map((i: any) => i.variant_id) })) as unknown as Plan[])
    : []
  if (!plans.length) {
    return
  }
  const done = new Set(
    (await p.service.listMembershipEvents({ line_item_id: items.map((i: any) => i.id) }, { select: ["line_item_id"] })).map(
      (e) => e.line_item_id
    )
  )
  const actor: MembershipActor = { type: "customer", id: order.customer_id }
  // The order is "now" when it is placed.
  const placedAt = new Date(order.created_at)
  for (const item of items) {
    const plan = plans.find((pl) => pl.variant_id === item.variant_id)
    if (!plan || done.has(item.id)) {
      continue
    }
    const periods = purchasedPeriods(item.quantity)
    const [active] = await p.service.listMemberships(
      { customer_id: order.customer_id, plan_id: plan.id, status: "active" },
      { relations: ["plan", "shares"], select: MEMBERSHIP_FIELDS, order: { expires_at: "DESC" } }
    )
    const current = active ? normalize(active) : null
    if (current && current.expires_at) {
      const expiresAt = addPeriods(renewalStart(current.expires_at, placedAt), plan.duration_unit, plan.duration_value, periods)
      p.change.update.push({ id: current.id, expires_at: expiresAt, cancel_at_period_end: false, reminded_for: null })
      p.event(current, "renewed", actor, { from: current.expires_at, to: expiresAt, order_id: order.id }, item.id)
      p.note(order.customer_id, `Membership ${membershipLabel(current)} renewed until ${formatDay(expiresAt)} (order #${order.display_id})`, actor, noteEvent("membership_renewed_by_order", { membership: membershipLabel(current), expires_at: isoDay(expiresAt), display_id: order.display_id }))
      p.touched(CrmEvents.MEMBERSHIP_RENEWED, current)
      continue
    }
    const expiresAt = addPeriods(placedAt, plan.duration_unit, plan.duration_value, periods)
    const m = await p.newMembership(plan, order.customer_id, placedAt, expiresAt, "purchase", order.id)
    p.event(m, "created", actor, { plan_id: plan.id, order_id: order.id, periods }, item.id)
    p.note(order.customer_id, `Membership ${plan.name} (${m.number}) bought (order #${order.display_id}), valid until ${formatDay(expiresAt)}`, actor, noteEvent("membership_bought", { membership: `${plan.name} (${m.number})`, display_id: order.display_id, expires_at: isoDay(expiresAt) }))
    p.touched(CrmEvents.MEMBERSHIP_CREATED, m)
  }
}
