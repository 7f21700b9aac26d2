import { CrmEvents } from "../../../lib/events"
import { formatDay, giftRefusal, membershipLabel } from "../../../modules/membership/utils"
import { activeSources, refuse, type MembershipActionHandler } from "./planner"
import { isoDay, noteEvent } from "../../../lib/system-notes"

/** Another customer becomes the holder and gets the benefit group; the giver leaves it. */
export const giftMembership: MembershipActionHandler<"gift"> = async (p, input) => {
  const m = await p.membership(input.membership_id, input.customer_id)
  refuse(giftRefusal(m, input.to_customer_id))
  await p.customerName(input.to_customer_id)
  // A new card version: the giver's card checks as replaced, the receiver gets a card of their own.
  p.change.update.push({ id: m.id, customer_id: input.to_customer_id, card_version: m.card_version + 1 })
  p.change.release.push(activeSources(m)[0])
  if (m.plan.customer_group_id) {
    p.change.join.push({ kind: "membership", id: m.id, customer_id: input.to_customer_id, customer_group_id: m.plan.customer_group_id })
  }
  p.event(m, "gifted", input.actor, { from_customer_id: m.customer_id, to_customer_id: input.to_customer_id })
  p.note(m.customer_id, `Membership ${membershipLabel(m)} given to another customer`, input.actor, noteEvent("membership_gifted", { membership: membershipLabel(m) }))
  p.note(input.to_customer_id, `Membership ${membershipLabel(m)} received as a gift, valid until ${formatDay(m.expires_at)}`, input.actor, noteEvent("membership_gift_received", { membership: membershipLabel(m), expires_at: isoDay(m.expires_at) }))
  p.touched(CrmEvents.MEMBERSHIP_GIFTED, { id: m.id, customer_id: input.to_customer_id })
}
