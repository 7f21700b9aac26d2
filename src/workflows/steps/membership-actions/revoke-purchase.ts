import { stillHeld } from "../../../modules/membership/utils"
import type { MembershipActionHandler } from "./planner"
import { takeBackPurchase } from "./take-back-purchase"

/**
 * A canceled order takes back what its lines bought: a membership it created is cancelled, a
 * renewal it made is rolled back to the expiry before it (ending the membership when that date has
 * passed). What was already taken back, or changed since, is left alone, so it runs once.
 */
export const revokePurchasedMemberships: MembershipActionHandler<"revoke_purchase"> = async (p, input) => {
  const order = await p.order(input.order_id, ["id", "display_id", "items.id"])
  const lineIds = (order?.items ?? []).map((i: any) => i.id)
  if (!lineIds.length) {
    return
  }
  const bought = await p.service.listMembershipEvents(
    { line_item_id: lineIds, type: ["created", "renewed"] },
    { select: ["id", "type", "data", "membership_id"] }
  )
  for (const event of bought) {
    const m = await p.membership((event as any).membership_id)
    if (stillHeld(m, event)) {
      takeBackPurchase(p, m, event, order, "canceled")
    }
  }
}
