import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  appendLoyaltyEntriesStep,
  ensureLoyaltyAccountsStep,
  prepareOrderEarningStep,
  updateLoyaltyEntriesStep,
} from "./steps"

export const earnLoyaltyPointsWorkflowId = "earn-loyalty-points"

/**
 * What `order.placed` does to points: the order earns points for its customer (once, however
 * often it runs: the earn is keyed on the order under the account's lock and by a unique index),
 * and points held on its cart become spent by the order.
 *
 * @example
 * await earnLoyaltyPointsWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const earnLoyaltyPointsWorkflow = createWorkflow(
  earnLoyaltyPointsWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const earning = prepareOrderEarningStep(input)
    updateLoyaltyEntriesStep(transform({ earning }, ({ earning }) => earning.settle))

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

    return new WorkflowResponse(
      transform({ entries, earning }, ({ entries, earning }) => ({
        earned: entries ?? [],
        settled: earning.settle.map((s) => s.id),
      }))
    )
  }
)
