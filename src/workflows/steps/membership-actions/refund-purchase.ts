import { CUSTOMER_NOTE_MODULE } from "../../../modules/customer-note"
import type CustomerNoteModuleService from "../../../modules/customer-note/service"
import {
  formatMoney,
  membershipLabel,
  membershipLineRefunds,
  refundedTotal,
  stillHeld,
  wasReturned,
} from "../../../modules/membership/utils"
import type { MembershipActionHandler } from "./planner"
import { takeBackPurchase } from "./take-back-purchase"
import { noteEvent } from "../../../lib/system-notes"

/**
 * A refund of an order that bought memberships: every membership line the order's refunds cover
 * (all refunds together, counted as `membershipLineRefunds` explains) is taken back as on a
 * cancel. A line they do not cover keeps its membership, and its holder's timeline says how much
 * of it was refunded, once per refunded amount. So the same event twice changes nothing, and two
 * partial refunds that together cover the line take it back on the second.
 */
export const refundPurchasedMemberships: MembershipActionHandler<"refund_purchase"> = async (p, input) => {
  const order = await p.order(input.order_id, [
    "id",
    "display_id",
    "currency_code",
    // An order-level total makes the order module compute the lines' totals too.
    "total",
    "items.id",
    "items.total",
    "items.detail.return_requested_quantity",
    "items.detail.return_received_quantity",
    "items.detail.return_dismissed_quantity",
    "shipping_methods.total",
    "payment_collections.payments.refunds.amount",
  ])
  const items: any[] = order?.items ?? []
  if (!items.length) {
    return
  }
  const bought = await p.service.listMembershipEvents(
    { line_item_id: items.map((i) => i.id), type: ["created", "renewed"] },
    { select: ["id", "type", "data", "membership_id", "line_item_id"] }
  )
  const refunded = refundedTotal(order.payment_collections)
  if (!bought.length || refunded <= 0) {
    return
  }
  const membershipLines = new Set(bought.map((e) => e.line_item_id))
  const lines = membershipLineRefunds(
    refunded,
    items.map((i) => ({ id: i.id, total: Number(i.total ?? 0), returned: wasReturned(i.detail), membership: membershipLines.has(i.id) })),
    (order.shipping_methods ?? []).reduce((sum: number, s: any) => sum + Number(s?.total ?? 0), 0)
  )
  const notes: CustomerNoteModuleService = p.container.resolve(CUSTOMER_NOTE_MODULE)
  const currency = order.currency_code
  for (const event of bought) {
    const line = lines.find((l) => l.line_id === event.line_item_id)!
    const m = await p.membership((event as any).membership_id)
    if (!stillHeld(m, event)) {
      continue
    }
    if (line.covered) {
      takeBackPurchase(p, m, event, order, "refunded")
      continue
    }
    const body =
      line.refunded === refunded
        ? `Membership ${membershipLabel(m)} kept: order #${order.display_id} refunded ${formatMoney(refunded, currency)} of the ${formatMoney(line.total, currency)} it cost`
        : `Membership ${membershipLabel(m)} kept: order #${order.display_id} refunded ${formatMoney(refunded, currency)}, of which ${formatMoney(line.refunded, currency)} counts toward the membership's ${formatMoney(line.total, currency)} (the order's other items first)`
    const money = (amount: number) => ({ amount, currency_code: currency })
    const what =
      line.refunded === refunded
        ? noteEvent("membership_refund_kept", {
            membership: membershipLabel(m),
            display_id: order.display_id,
            refunded: money(refunded),
            total: money(line.total),
          })
        : noteEvent("membership_refund_kept_partly", {
            membership: membershipLabel(m),
            display_id: order.display_id,
            refunded: money(refunded),
            counted: money(line.refunded),
            total: money(line.total),
          })
    // Once per refunded amount: the note is the record that this refund was seen (by its English
    // line, which every row has, also those written before notes carried an event).
    const [seen] = await notes.listCustomerNotes({ customer_id: m.customer_id, kind: "system", body }, { select: ["id"], take: 1 })
    if (!seen) {
      p.note(m.customer_id, body, { type: "system" }, what)
    }
  }
}
