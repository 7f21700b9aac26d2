import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import type { LoyaltyEntryDetail } from "../../types/http/loyalty"
import {
  addDays,
  addMonths,
  pointsForAmount,
  pointsToReverseForRefund,
  rateFor,
  type LoyaltyProgramSettings,
} from "../../lib/loyalty"
import {
  LOYALTY_MODULE,
  type LoyaltyLedgerRow,
  type LoyaltyModuleService,
  type NewLoyaltyEntry,
  type ResolveRedemptionInput,
} from "../../modules/loyalty"

type OrderForLoyalty = {
  id: string
  display_id: number
  customer_id: string | null
  currency_code: string
  status: string
  created_at: string | Date
  item_subtotal: number
  discount_subtotal: number
  total: number
  sales_channel?: { name: string } | null
  cart?: { id: string } | null
  items?: ({ adjustments?: ({ code: string | null; amount: number } | null)[] | null } | null)[]
  payment_collections?: {
    status?: string
    amount?: number
    captured_amount?: number | null
    refunded_amount?: number | null
    payments?: { amount: number; refunds?: { amount: number }[] }[]
  }[]
}

/** What Medusa's payment status needs (see `getLastPaymentStatus`). */
const PAYMENT_STATUS_FIELDS = [
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
]

/**
 * Paid as Medusa's order list says it: captured in full (refunds later do not make it unpaid: they
 * take their share of the points back themselves).
 */
export const isOrderPaid = (order: Pick<OrderForLoyalty, "currency_code" | "payment_collections">) =>
  ["captured", "partially_refunded", "refunded"].includes(
    getLastPaymentStatus({ ...order, payment_collections: order.payment_collections ?? [] } as any)
  )

async function loadOrder(container: any, orderId: string, withRefunds = false, withPaymentStatus = false) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "customer_id",
      "currency_code",
      "status",
      "created_at",
      "item_subtotal",
      "discount_subtotal",
      "total",
      "sales_channel.name",
      "cart.id",
      "items.adjustments.code",
      "items.adjustments.amount",
      ...(withRefunds ? ["payment_collections.payments.amount", "payment_collections.payments.refunds.amount"] : []),
      ...(withPaymentStatus ? PAYMENT_STATUS_FIELDS : []),
    ],
    filters: { id: orderId },
  })
  return data[0] as OrderForLoyalty | undefined
}

const orderLabel = (order: OrderForLoyalty) =>
  `${order.sales_channel?.name ? `${order.sales_channel.name} order` : "Order"} #${order.display_id}`

/** The order's values in an entry's `detail`: its channel's name and number. */
const orderValues = (order: OrderForLoyalty) => ({
  channel: order.sales_channel?.name ?? null,
  display_id: order.display_id,
})

export type OrderEarning = {
  customer_id: string | null
  display_id: number | null
  /** The earn entry to write (without its account), or null when the order earns nothing. */
  earn: Omit<NewLoyaltyEntry, "customer_id"> | null
  /** Redemptions held on the order's cart: spent by the order as far as its discount used them. */
  settle: ResolveRedemptionInput[]
  /** The one-time promotions of those redemptions, by entry id (deleted when none was used). */
  promotions: Record<string, string | null>
  /** The cart the order came from. */
  cart_id: string | null
}

/** What the order's discount under `code` took off, from its line item adjustments. */
export function discountUsed(order: Pick<OrderForLoyalty, "items">, code: string | null) {
  if (!code) {
    return 0
  }
  return (order.items ?? [])
    .flatMap((item) => item?.adjustments ?? [])
    .filter((adjustment) => adjustment?.code === code)
    .reduce((sum, adjustment) => sum + Number(adjustment!.amount), 0)
}

/**
 * How many of the points held for a discount worth `value` the order used, when its discount
 * came to `used`: all when it took the full value (to the cent), none when it took nothing, else
 * the points that pay for the part used, rounded up (the customer never gets more discount than
 * points spent).
 */
export function pointsUsed(points: number, value: number, used: number) {
  if (used <= 0 || value <= 0) {
    return 0
  }
  if (used >= value - 0.005) {
    return points
  }
  return Math.min(points, Math.ceil((points * used) / value - 1e-9))
}

export const prepareOrderEarningStepId = "prepare-order-earning"

/**
 * Works out what a placed order means for its customer's points: the points it earns (rate x the
 * subtotal after discounts, tax and shipping excluded, rounded down; pending for the program's
 * pending days) and the redemptions on its cart that it spends. Writes nothing.
 */
export const prepareOrderEarningStep = createStep(
  prepareOrderEarningStepId,
  async (input: { order_id: string }, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const order = await loadOrder(container, input.order_id, false, true)
    const none: OrderEarning = {
      customer_id: null,
      display_id: null,
      earn: null,
      settle: [],
      promotions: {},
      cart_id: null,
    }
    if (!order?.customer_id) {
      return new StepResponse(none)
    }
    const held = order.cart?.id
      ? await service.listLoyaltyEntries(
          { cart_id: order.cart.id, type: "redeem", status: "pending" },
          { select: ["id", "points", "amount", "promotion_code", "promotion_id"] }
        )
      : []
    // Only what the order's own discount used is spent: a code removed from the cart (or dropped
    // with a region change) before the order was placed spends nothing.
    const settle = held.map((entry) => {
      const points = -Number(entry.points)
      const used = pointsUsed(points, Number(entry.amount ?? 0), discountUsed(order, entry.promotion_code))
      return {
        entry_id: entry.id,
        order_id: order.id,
        used_points: used,
        returned_description: `Points returned: ${orderLabel(order)} used ${used} of ${points}`,
        returned_detail: {
          key: "points_returned_partial",
          values: { ...orderValues(order), used, held: points },
        } as LoyaltyEntryDetail,
      }
    })
    const promotions = Object.fromEntries(held.map((entry) => [entry.id, entry.promotion_id]))

    const program = (await service.retrieveProgram()) as unknown as LoyaltyProgramSettings
    const rate = rateFor(program, order.currency_code)
    const enrolled =
      program.enrollment === "all" ||
      (
        await service.listLoyaltyAccounts(
          { customer_id: order.customer_id, enrolled: true },
          { select: ["id"] }
        )
      ).length > 0
    const base = Math.max(0, Number(order.item_subtotal) - Number(order.discount_subtotal))
    const points = rate ? pointsForAmount(base, rate) : 0
    const earns = program.enabled && enrolled && order.status !== "canceled" && points > 0

    const placedAt = new Date(order.created_at)
    const availableAt = addDays(placedAt, program.pending_days)
    // With `earn_on: "paid"`, an unpaid order's points wait for the capture, without a date yet
    // (see `releasePaidOrderPointsStep`).
    const awaitingPayment = program.earn_on === "paid" && !isOrderPaid(order)
    const pending = awaitingPayment || program.pending_days > 0
    const earn = earns
      ? {
          type: "earn" as const,
          points,
          status: pending ? ("pending" as const) : ("available" as const),
          description: orderLabel(order),
          detail: { key: "order_earn", values: orderValues(order) } as LoyaltyEntryDetail,
          order_id: order.id,
          currency_code: order.currency_code,
          amount: base,
          available_at: awaitingPayment ? null : program.pending_days > 0 ? availableAt : null,
          expires_at: program.expiry_months ? addMonths(placedAt, program.expiry_months) : null,
        }
      : null
    return new StepResponse({
      customer_id: order.customer_id,
      display_id: order.display_id,
      earn,
      settle,
      promotions,
      cart_id: order.cart?.id ?? null,
    } as OrderEarning)
  }
)

export type ReverseOrderLoyaltyInput = {
  order_id: string
  /** `canceled` takes back everything the order earned and returns the points it spent. */
  reason: "canceled" | "refunded"
}

export type OrderReversal = {
  customer_id: string | null
  display_id: number | null
  entry_ids: string[]
  /** Points taken back from the order's earnings (<= 0). */
  earned_reversed: number
  /** Points the order had spent that went back to the customer (>= 0). */
  spent_returned: number
}

const sumReversed = (related: LoyaltyLedgerRow[], entryId: string) =>
  related
    .filter((e) => e.type === "reverse" && e.reference_id === entryId)
    .reduce((sum, e) => sum + e.points, 0)

/** The reverse entries a cancel or refund calls for, given what the ledger holds about the order. */
export function planOrderReversal(
  related: LoyaltyLedgerRow[],
  order: { id: string; customer_id: string; label: string; values?: Record<string, string | number | null> },
  reason: ReverseOrderLoyaltyInput["reason"],
  refund: { refunded: number; total: number }
): NewLoyaltyEntry[] {
  const entries: NewLoyaltyEntry[] = []
  const earn = related.find((e) => e.type === "earn" && e.status !== "void")
  if (earn) {
    const target =
      reason === "canceled"
        ? earn.points
        : pointsToReverseForRefund(earn.points, refund.refunded, refund.total)
    const delta = target + sumReversed(related, earn.id)
    if (delta > 0) {
      entries.push({
        customer_id: order.customer_id,
        type: "reverse",
        points: -delta,
        status: earn.status,
        available_at: earn.available_at,
        reference_id: earn.id,
        order_id: order.id,
        description: `${order.label} ${reason}`,
        detail: { key: "order_reversed", values: { ...order.values, reason } },
      })
    }
  }
  if (reason === "canceled") {
    for (const redeem of related.filter((e) => e.type === "redeem" && e.status === "available")) {
      const delta = -redeem.points - sumReversed(related, redeem.id)
      if (delta > 0) {
        entries.push({
          customer_id: order.customer_id,
          type: "reverse",
          points: delta,
          status: "available",
          reference_id: redeem.id,
          order_id: order.id,
          description: `Points returned: ${order.label} canceled`,
          detail: { key: "points_returned_canceled", values: { ...order.values } },
        })
      }
    }
  }
  return entries
}

export const reverseOrderLoyaltyStepId = "reverse-order-loyalty"

/**
 * Takes back what a canceled or refunded order earned (a refund in proportion to the share of the
 * total refunded) and, on a cancel, returns the points the order spent. The amount is worked out
 * from the ledger under the account's lock, so the same event twice, or a refund and a cancel at
 * once, never reverse a point twice. Spent points may leave the balance negative: see the README.
 * Compensation deletes the entries written.
 */
export const reverseOrderLoyaltyStep = createStep(
  reverseOrderLoyaltyStepId,
  async (input: ReverseOrderLoyaltyInput, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const none: OrderReversal = {
      customer_id: null,
      display_id: null,
      entry_ids: [],
      earned_reversed: 0,
      spent_returned: 0,
    }
    const [any] = await service.listLoyaltyEntries(
      { order_id: input.order_id },
      { select: ["id", "account_id", "customer_id"], take: 1 }
    )
    const order = any ? await loadOrder(container, input.order_id, input.reason === "refunded") : undefined
    if (!any || !order) {
      return new StepResponse(none, [] as string[])
    }
    // The share refunded is taken of what was paid: Medusa lowers the order's total by refunds.
    const payments = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? [])
    const paid = payments.reduce((sum, p) => sum + Number(p.amount), 0)
    const refunded = payments
      .flatMap((p) => p.refunds ?? [])
      .reduce((sum, r) => sum + Number(r.amount), 0)
    const entries = await service.appendEntries({
      account_id: (any as any).account_id,
      plan: {
        order_id: input.order_id,
        build: (related) =>
          planOrderReversal(
            related,
            { id: order.id, customer_id: any.customer_id, label: orderLabel(order), values: orderValues(order) },
            input.reason,
            { refunded, total: paid || Number(order.total) + refunded }
          ),
      },
    })
    const ids = entries.map((e) => e.id)
    const points = entries.map((e) => Number(e.points))
    // Spent points that come back after their credits' date expire as they return.
    if (points.some((p) => p > 0)) {
      const expired = await service.expireOverdue((any as any).account_id)
      if (expired) {
        ids.push(expired)
      }
    }
    return new StepResponse(
      {
        customer_id: any.customer_id,
        display_id: order.display_id,
        entry_ids: ids,
        earned_reversed: points.filter((p) => p < 0).reduce((a, b) => a + b, 0),
        spent_returned: points.filter((p) => p > 0).reduce((a, b) => a + b, 0),
      } as OrderReversal,
      ids
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.deleteLoyaltyEntries(ids)
  }
)

export const releasePaidOrderPointsStepId = "release-paid-order-points"

/**
 * The points of a paid order stop waiting for the payment: when the order is paid (captured, as
 * Medusa's order list says), its entries pending without a date get the order's date plus the
 * pending days, and are available at once when that has passed. Runs after a capture and after the
 * order's own earn, so whichever comes second releases them; the update is conditional, so running
 * it twice or both at once changes each entry once. Compensation puts them back to waiting.
 */
export const releasePaidOrderPointsStep = createStep(
  releasePaidOrderPointsStepId,
  async (input: { order_id: string }, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const [waiting] = await service.listLoyaltyEntries(
      { order_id: input.order_id, status: "pending", available_at: null, type: ["earn", "reverse"] } as any,
      { select: ["id"], take: 1 }
    )
    if (!waiting) {
      return new StepResponse([] as { id: string; status: string }[], [] as string[])
    }
    const order = await loadOrder(container, input.order_id, false, true)
    if (!order || !isOrderPaid(order)) {
      return new StepResponse([] as { id: string; status: string }[], [] as string[])
    }
    const program = (await service.retrieveProgram()) as unknown as LoyaltyProgramSettings
    const now = new Date()
    const due = addDays(new Date(order.created_at), program.pending_days)
    const released = await service.releasePaidOrderPoints(order.id, due > now ? due : now, now)
    return new StepResponse(
      released,
      released.map((e) => e.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.unreleasePaidOrderPoints(ids)
  }
)
