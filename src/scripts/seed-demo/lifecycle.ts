/**
 * What happened to each demo order after it was placed: paid, fulfilled, shipped and delivered,
 * returned or refunded, so that Medusa's order list shows the states of a real store and the
 * refund paths of loyalty, memberships and insights have data. Everything runs through Medusa's
 * own workflows (the ones behind the admin's "Mark as paid", "Fulfill items", "Mark as shipped",
 * "Mark as delivered", "Return" and "Refund"), with the system payment provider and the manual
 * fulfillment provider.
 * What each order goes through is planned in `plan.ts` (`orderLifecycle`).
 */
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import {
  beginReceiveReturnWorkflow,
  confirmReturnReceiveWorkflow,
  createAndCompleteReturnOrderWorkflow,
  createPaymentCollectionsStep,
  createRemoteLinkStep,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  markPaymentCollectionAsPaid,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import { reverseLoyaltyPointsWorkflow } from "../../workflows/reverse-loyalty-points"
import { revokeRefundedMembershipPurchasesWorkflow } from "../../workflows/membership-actions"
import { orderLifecycle, type OrderLifecycle, type PlannedOrder } from "./plan"
import { Progress, runPool } from "./progress"

type OrderState = {
  id: string
  region_id: string
  currency_code: string
  status: string
  total: number
  items: { id: string; quantity: number }[]
  shipping_option_id: string | null
  collections: { id: string; status: string }[]
  fulfillments: {
    id: string
    shipped_at: string | null
    delivered_at: string | null
  }[]
}

const STATE_FIELDS = [
  "id",
  "region_id",
  "currency_code",
  "status",
  "total",
  "metadata",
  "items.id",
  "items.quantity",
  "shipping_methods.shipping_option_id",
  "payment_collections.id",
  "payment_collections.status",
  "fulfillments.id",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
]

function toState(o: any): OrderState {
  return {
    id: o.id,
    region_id: o.region_id,
    currency_code: o.currency_code,
    status: o.status,
    total: Number(o.total),
    items: (o.items ?? []).map((i: any) => ({
      id: i.id,
      quantity: Number(i.quantity),
    })),
    shipping_option_id:
      o.shipping_methods?.find((m: any) => m?.shipping_option_id)
        ?.shipping_option_id ?? null,
    collections: (o.payment_collections ?? [])
      .filter(Boolean)
      .map((pc: any) => ({ id: pc.id, status: pc.status })),
    fulfillments: (o.fulfillments ?? [])
      .filter((f: any) => f && !f.canceled_at)
      .map((f: any) => ({
        id: f.id,
        shipped_at: f.shipped_at,
        delivered_at: f.delivered_at,
      })),
  }
}

/** The current state of the seeded orders among `keys`, by seed key. */
async function loadStates(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, OrderState>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const states = new Map<string, OrderState>()
  const PAGE = 500
  for (let i = 0; i < ids.length; i += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: STATE_FIELDS,
      filters: { id: ids.slice(i, i + PAGE) },
    })
    for (const o of data) {
      const key = (o.metadata as Record<string, unknown> | null)?.seed_key
      if (typeof key === "string") {
        states.set(key, toState(o))
      }
    }
  }
  return states
}

export type FulfillmentSetup = {
  stock_location_id: string
  /** The region's standard shipping option, for orders without a shipping method and returns. */
  shipping_option_id: (regionId: string) => string
}

type NewCollection = { order_id: string; currency_code: string; amount: number }

/**
 * What `createOrderPaymentCollectionWorkflow` does for one order, for many at once: the payment
 * collections (one per order, of its total) and their links to the orders.
 */
export const createDemoOrderPaymentCollectionsWorkflow = createWorkflow(
  "create-demo-order-payment-collections",
  (input: WorkflowData<{ orders: NewCollection[] }>) => {
    const collections = createPaymentCollectionsStep(
      transform({ input }, ({ input }) =>
        input.orders.map((o) => ({
          currency_code: o.currency_code,
          amount: o.amount,
          metadata: { order_id: o.order_id },
        }))
      )
    )
    createRemoteLinkStep(
      transform({ collections }, ({ collections }) =>
        collections.map((pc) => ({
          [Modules.ORDER]: { order_id: pc.metadata!.order_id as string },
          [Modules.PAYMENT]: { payment_collection_id: pc.id },
        }))
      )
    )
    return new WorkflowResponse(collections)
  }
)

/** Pays and fulfils one order as far as its lifecycle says, skipping what is done already. */
async function settleOrder(
  container: MedusaContainer,
  state: OrderState,
  want: OrderLifecycle,
  setup: FulfillmentSetup
): Promise<void> {
  const paid = state.collections.some((pc) =>
    ["completed", "authorized"].includes(pc.status)
  )
  if (want.paid && !paid && state.total > 0) {
    // Created beforehand for the whole batch (see ensureOrderStates).
    const collectionId = state.collections.find(
      (pc) => pc.status === "not_paid"
    )!.id
    await markPaymentCollectionAsPaid(container).run({
      input: { order_id: state.id, payment_collection_id: collectionId },
    })
  }
  if (!want.fulfilled) {
    return
  }
  let fulfillment = state.fulfillments[0]
  if (!fulfillment) {
    const { result } = await createOrderFulfillmentWorkflow(container).run({
      input: {
        order_id: state.id,
        items: state.items,
        location_id: setup.stock_location_id,
        shipping_option_id:
          state.shipping_option_id ?? setup.shipping_option_id(state.region_id),
        no_notification: true,
      },
    })
    fulfillment = { id: result.id, shipped_at: null, delivered_at: null }
  }
  if (want.shipped && !fulfillment.shipped_at) {
    await createOrderShipmentWorkflow(container).run({
      input: {
        order_id: state.id,
        fulfillment_id: fulfillment.id,
        items: state.items,
        no_notification: true,
      },
    })
  }
  if (want.delivered && !fulfillment.delivered_at) {
    await markOrderFulfillmentAsDeliveredWorkflow(container).run({
      input: { orderId: state.id, fulfillmentId: fulfillment.id },
    })
  }
}

/**
 * Pays, fulfils, ships and delivers the given seeded orders as their lifecycle says (returns and
 * refunds come later, once loyalty and memberships have seen the orders). Resumable.
 */
export async function ensureOrderStates(
  container: MedusaContainer,
  logger: Logger,
  label: string,
  orders: PlannedOrder[],
  orderIds: Map<string, string>,
  setup: FulfillmentSetup,
  concurrency: number
): Promise<void> {
  const wanted = orders
    .map((o) => ({ order: o, want: orderLifecycle(o) }))
    .filter(({ want }) => want.paid || want.fulfilled)
  const states = await loadStates(
    container,
    wanted.map(({ order }) => orderIds.get(order.key)!).filter(Boolean)
  )
  const todo = wanted.filter(({ order, want }) => {
    const state = states.get(order.key)
    if (!state || state.status === "canceled") {
      return false
    }
    const f = state.fulfillments[0]
    return (
      (want.paid &&
        state.total > 0 &&
        !state.collections.some((pc) =>
          ["completed", "authorized"].includes(pc.status)
        )) ||
      (want.fulfilled && !f) ||
      (want.shipped && !f?.shipped_at) ||
      (want.delivered && !f?.delivered_at)
    )
  })
  if (!todo.length) {
    logger.info(`${label}: payments and fulfillments exist, skipped`)
    return
  }
  // One workflow run creates the payment collections of a hundred orders.
  const unpaid = todo
    .map(({ order, want }) => ({ want, state: states.get(order.key)! }))
    .filter(
      ({ want, state }) =>
        want.paid &&
        state.total > 0 &&
        !state.collections.some((pc) =>
          ["not_paid", "completed", "authorized"].includes(pc.status)
        )
    )
    .map(({ state }) => state)
  for (let i = 0; i < unpaid.length; i += 100) {
    const batch = unpaid.slice(i, i + 100)
    const { result } = await createDemoOrderPaymentCollectionsWorkflow(
      container
    ).run({
      input: {
        orders: batch.map((s) => ({
          order_id: s.id,
          currency_code: s.currency_code,
          amount: s.total,
        })),
      },
    })
    for (const pc of result) {
      const state = batch.find((s) => s.id === pc.metadata?.order_id)!
      state.collections.push({ id: pc.id, status: pc.status })
    }
  }
  const progress = new Progress(logger, label, todo.length)
  await runPool(todo, concurrency, async ({ order, want }) => {
    await settleOrder(container, states.get(order.key)!, want, setup)
    progress.tick()
  })
}

type RefundState = {
  id: string
  region_id: string
  total: number
  items: { id: string; quantity: number; total: number }[]
  payment_id: string | null
  refunded: boolean
  returned: boolean
}

/**
 * The returns and refunds of the plan, after loyalty and memberships have seen the orders: a
 * return received at once (`createAndCompleteReturnOrderWorkflow`) and the refund of what the
 * order now owes, or a goodwill refund of 10% without a return (`refundPaymentWorkflow`).
 * Each refund emits `payment.refunded`; the plugin's subscribers take back the refunded share of
 * the points, cancel refunded memberships and recompute the metrics. The seed waits for them
 * and then runs the same workflows itself (they are idempotent), so nothing depends on the timing
 * of the events in this short-lived process. Returns the ids of the refunded orders.
 */
export async function ensureReturnsAndRefunds(
  container: MedusaContainer,
  logger: Logger,
  orders: PlannedOrder[],
  orderIds: Map<string, string>,
  setup: FulfillmentSetup
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const planned = orders
    .map((o) => ({ key: o.key, kind: orderLifecycle(o).refund }))
    .filter((p) => p.kind !== "none" && orderIds.has(p.key))
  if (!planned.length) {
    return []
  }
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "region_id",
      "total",
      "items.id",
      "items.quantity",
      "items.total",
      "returns.id",
      "payment_collections.payments.id",
      "payment_collections.payments.refunds.id",
    ],
    filters: { id: planned.map((p) => orderIds.get(p.key)!) },
  })
  const byId = new Map<string, RefundState>(
    data.map((o: any) => {
      const payments = (o.payment_collections ?? []).flatMap(
        (pc: any) => pc?.payments ?? []
      )
      return [
        o.id,
        {
          id: o.id,
          region_id: o.region_id,
          total: Number(o.total),
          items: (o.items ?? []).map((i: any) => ({
            id: i.id,
            quantity: Number(i.quantity),
            total: Number(i.total),
          })),
          payment_id: payments[0]?.id ?? null,
          refunded: payments.some((p: any) => p?.refunds?.length),
          returned: (o.returns ?? []).some(Boolean),
        },
      ]
    })
  )
  const todo = planned
    .map((p) => ({ ...p, state: byId.get(orderIds.get(p.key)!)! }))
    .filter(({ state }) => state?.payment_id && !state.refunded)
  const refundedIds = planned
    .map((p) => byId.get(orderIds.get(p.key)!))
    .filter((s): s is RefundState => !!s?.payment_id)
    .map((s) => s.id)
  if (todo.length) {
    const progress = new Progress(logger, "returns and refunds", todo.length)
    await runPool(todo, 4, async ({ kind, state }) => {
      let amount: number
      if (kind === "goodwill") {
        amount = Math.round(state.total * 10) / 100
      } else {
        // The last line, or all of them; received at the desk at once.
        const items =
          kind === "return_all" || state.items.length === 1
            ? state.items
            : state.items.slice(-1)
        if (!state.returned) {
          const all = items.length === state.items.length
          const returnItems = items.map((i) => ({
            id: i.id,
            quantity: i.quantity,
          }))
          // `receive_now` receives every line of the order, so a return of one line is received
          // through the admin's receive flow instead.
          const { result: created } = await createAndCompleteReturnOrderWorkflow(
            container
          ).run({
            input: {
              order_id: state.id,
              items: returnItems,
              return_shipping: {
                option_id: setup.shipping_option_id(state.region_id),
                price: 0,
              },
              receive_now: all,
            },
          })
          if (!all) {
            await beginReceiveReturnWorkflow(container).run({
              input: { return_id: created.id },
            })
            await receiveItemReturnRequestWorkflow(container).run({
              input: { return_id: created.id, items: returnItems },
            })
            await confirmReturnReceiveWorkflow(container).run({
              input: { return_id: created.id },
            })
          }
        }
        amount = items.reduce((sum, i) => sum + i.total, 0)
      }
      await refundPaymentWorkflow(container).run({
        input: { payment_id: state.payment_id!, amount },
      })
      progress.tick()
    })
  }

  const picked = await waitForRefundSubscribers(container, todo.map((t) => t.state.id))
  if (todo.length) {
    logger.info(
      `payment.refunded: the loyalty subscriber had reversed points of ${picked} of ${todo.length} refunded orders`
    )
  }
  for (const order_id of refundedIds) {
    await reverseLoyaltyPointsWorkflow(container).run({
      input: { order_id, reason: "refunded" },
    })
    await revokeRefundedMembershipPurchasesWorkflow(container).run({
      input: { order_id },
    })
  }
  return refundedIds
}

/**
 * Waits (up to 30 s) until the loyalty subscriber of `payment.refunded` has taken points back
 * for every refunded order that earned some; returns for how many it has.
 */
async function waitForRefundSubscribers(
  container: MedusaContainer,
  orderIds: string[]
): Promise<number> {
  if (!orderIds.length) {
    return 0
  }
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const count = async () => {
    const entries = await service.listLoyaltyEntries(
      { order_id: orderIds, type: ["earn", "reverse"] },
      { select: ["order_id", "type"], take: 10_000 }
    )
    const earned = new Set(
      entries.filter((e) => e.type === "earn").map((e) => e.order_id)
    )
    const reversed = new Set(
      entries.filter((e) => e.type === "reverse").map((e) => e.order_id)
    )
    return { earned: earned.size, reversed: reversed.size }
  }
  const deadline = Date.now() + 30_000
  let seen = await count()
  while (seen.reversed < seen.earned && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500))
    seen = await count()
  }
  return seen.reversed
}
