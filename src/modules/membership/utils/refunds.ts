/** One line of an order, as far as refunds go. */
export type RefundLine = {
  id: string
  /** What the line cost: its total with tax, after discounts. */
  total: number
  /** Some of it was returned (requested, received or dismissed): the refunds are for it first. */
  returned: boolean
  /** The line bought or renewed a membership. */
  membership: boolean
}

export type MembershipLineRefund = {
  line_id: string
  /** The line's total. */
  total: number
  /** The part of the order's refunds that counts toward this line. */
  refunded: number
  /** The refunds reach the line's total: the purchase is taken back as if canceled. */
  covered: boolean
}

/** Refunds are sums of money: a rounding difference below a thousandth is no difference. */
const EPSILON = 0.001

/**
 * Which membership lines of an order its refunds pay back. Medusa's refunds belong to a payment,
 * not to lines, so the order's refunds (all of them together, however many) are counted toward
 * its lines in this order: returned membership lines first (the refund is for what came back),
 * then everything else the order charged for (other lines, shipping), then the remaining
 * membership lines. So refunding a ticket never ends a membership bought with it, while a refund
 * of the whole order, or of a returned membership, does.
 *
 * @example
 * membershipLineRefunds(20, [{ id: "item_1", total: 50, returned: false, membership: true }], 0)
 * // [{ line_id: "item_1", total: 50, refunded: 20, covered: false }]
 */
export function membershipLineRefunds(refunded: number, lines: RefundLine[], otherCharges: number): MembershipLineRefund[] {
  let left = Math.max(0, refunded)
  const take = (line: RefundLine): MembershipLineRefund => {
    const total = Math.max(0, line.total)
    const share = Math.min(left, total)
    left -= share
    // A free line was not paid for, so no refund is for it: only a cancel takes it back.
    return { line_id: line.id, total, refunded: share, covered: total > 0 && share >= total - EPSILON }
  }
  const first = lines.filter((l) => l.membership && l.returned).map(take)
  const rest = lines.filter((l) => !l.membership).reduce((sum, l) => sum + Math.max(0, l.total), Math.max(0, otherCharges))
  left = Math.max(0, left - rest)
  const last = lines.filter((l) => l.membership && !l.returned).map(take)
  return [...first, ...last]
}

type Refunded = { payments?: ({ refunds?: ({ amount: unknown } | null)[] | null } | null)[] | null } | null

/** All refunds of an order's payments together. */
export const refundedTotal = (paymentCollections: Refunded[] | null | undefined) =>
  (paymentCollections ?? [])
    .flatMap((pc) => pc?.payments ?? [])
    .flatMap((pay) => pay?.refunds ?? [])
    .reduce((sum, r) => sum + Number(r!.amount), 0)

type ReturnDetail = {
  return_requested_quantity?: unknown
  return_received_quantity?: unknown
  return_dismissed_quantity?: unknown
} | null

/** Some of a line was returned: requested, received or dismissed. */
export const wasReturned = (detail: ReturnDetail | undefined) =>
  Number(detail?.return_requested_quantity ?? 0) +
    Number(detail?.return_received_quantity ?? 0) +
    Number(detail?.return_dismissed_quantity ?? 0) >
  0

/** "$12.50": an amount as the timeline writes it. */
export const formatMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount)
