import { CrmEvents } from "../../../lib/events"
import { membershipLabel } from "../../../modules/membership/utils"
import { MembershipErrorCodes } from "../../../types/http/memberships"
import { notFound, type MembershipActionHandler } from "./planner"
import { noteEvent } from "../../../lib/system-notes"

/** A co-member leaves the membership and its benefit group; their card checks as replaced. */
export const unshareMembership: MembershipActionHandler<"unshare"> = async (p, input) => {
  const m = await p.membership(input.membership_id, input.customer_id)
  const share = m.shares.find((s) => s.customer_id === input.share_customer_id)
  if (!share) {
    throw notFound(MembershipErrorCodes.NOT_A_CO_MEMBER, `Customer ${input.share_customer_id} does not share membership ${m.number}`)
  }
  p.change.delete_shares.push(share.id)
  p.change.update_shares.push({ id: share.id, card_version: share.card_version + 1 })
  if (m.status === "active") {
    p.change.release.push({ kind: "share", id: share.id, customer_id: share.customer_id, customer_group_id: m.plan.customer_group_id, joined_group: share.joined_group })
  }
  p.event(m, "unshared", input.actor, { customer_id: share.customer_id })
  p.note(m.customer_id, `Co-member removed from membership ${membershipLabel(m)}`, input.actor, noteEvent("membership_co_member_removed", { membership: membershipLabel(m) }))
  p.note(share.customer_id, `No longer a co-member of membership ${membershipLabel(m)}`, input.actor, noteEvent("membership_co_member_left", { membership: membershipLabel(m) }))
  p.touched(CrmEvents.MEMBERSHIP_UNSHARED, m)
}
