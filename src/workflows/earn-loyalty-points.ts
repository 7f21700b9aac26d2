import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deletePromotionsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  appendLoyaltyEntriesStep,
  ensureLoyaltyAccountsStep,
  prepareOrderEarningStep,
  releasePaidOrderPointsStep,
  resolveRedemptionsStep,
} from "./steps"

export const earnLoyaltyPointsWorkflowId = "earn-loyalty-points"

/**
 * What `order.placed` does to points: the order earns points for its customer (once, however
 * often it runs: the earn is keyed on the order under the account's lock and by a unique index),
 * and points held on its cart are spent by the order as far as its discount used them (the rest
 * come back; a code removed before the order was placed spends nothing). With the program's
 * `earn_on: "paid"`, the points of an unpaid order stay pending until its payment is captured.
 *
 * @example
 * await earnLoyaltyPointsWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const earnLoyaltyPointsWorkflow = createWorkflow(
  earnLoyaltyPointsWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const earning = prepareOrderEarningStep(input)
    const resolutions = resolveRedemptionsStep(transform({ earning }, ({ earning }) => earning.settle))
    // A redemption the order did not use at all gives its points back; its promotion goes.
    const unused = transform({ resolutions }, ({ resolutions }) =>
      resolutions.filter((r) => r.changed && r.outcome === "void")
    )
    deletePromotionsStep(
      transform({ earning, unused }, ({ earning, unused }) =>
        unused.map((r) => earning.promotions[r.entry_id]).filter((id): id is string => !!id)
      )
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_POINTS_RELEASED,
      data: transform({ unused, earning }, ({ unused, earning }) =>
        unused.map((r) => ({ id: r.entry_id, customer_id: r.customer_id, cart_id: earning.cart_id }))
      ),
    }).config({ name: "emit-unused-redemptions-released" })

    const entries = when("earn-loyalty-points-if-earned", { earning }, ({ earning }) => !!earning.earn).then(() => {
      const accounts = ensureLoyaltyAccountsStep(
        transform({ earning }, ({ earning }) => [earning.customer_id!])
      )
      const written = appendLoyaltyEntriesStep(
        transform({ accounts, earning, input }, ({ accounts, earning, input }) => ({
          account_id: accounts[0].id,
          unless_exists: { type: "earn" as const, order_id: input.order_id },
          entries: [{ ...earning.earn!, customer_id: earning.customer_id! }],
        }))
      )
      emitEventStep({
        eventName: CrmEvents.LOYALTY_POINTS_EARNED,
        data: transform({ written, earning }, ({ written, earning }) =>
          written.map((e) => ({ id: e.id, customer_id: earning.customer_id, order_id: e.order_id }))
        ),
      })
      return written
    })
    // Paid before this ran (a capture at checkout): the points need not wait for a capture event.
    releasePaidOrderPointsStep({ order_id: input.order_id })

    return new WorkflowResponse(
      transform({ entries, resolutions }, ({ entries, resolutions }) => ({
        earned: entries ?? [],
        settled: resolutions.filter((r) => r.changed).map((r) => r.entry_id),
      }))
    )
  }
)
