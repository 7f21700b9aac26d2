import { generateEntityId } from "@medusajs/framework/utils"
import { CrmEvents } from "../../../lib/events"
import { membershipLabel, shareRefusal } from "../../../modules/membership/utils"
import { refuse, type MembershipActionHandler } from "./planner"
import { noteEvent } from "../../../lib/system-notes"

/** A co-member joins the membership (and its benefit group), up to the plan's `max_shares`. */
export const shareMembership: MembershipActionHandler<"share"> = async (p, input) => {
  const m = await p.membership(input.membership_id, input.customer_id)
  refuse(shareRefusal(m, input.share_customer_id))
  await p.customerName(input.share_customer_id)
  const share = { id: generateEntityId(undefined, "mshare"), membership_id: m.id, customer_id: input.share_customer_id }
  p.change.create_shares.push(share)
  if (m.plan.customer_group_id) {
    p.change.join.push({ kind: "share", id: share.id, customer_id: share.customer_id, customer_group_id: m.plan.customer_group_id })
  }
  p.event(m, "shared", input.actor, { customer_id: input.share_customer_id })
  p.note(m.customer_id, `Membership ${membershipLabel(m)} shared with another customer`, input.actor, noteEvent("membership_shared", { membership: membershipLabel(m) }))
  p.note(input.share_customer_id, `Added as co-member of membership ${membershipLabel(m)}`, input.actor, noteEvent("membership_co_member_added", { membership: membershipLabel(m) }))
  p.touched(CrmEvents.MEMBERSHIP_SHARED, m)
}
