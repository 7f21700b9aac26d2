import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { recordSystemNotesStep, reverseOrderLoyaltyStep, type ReverseOrderLoyaltyInput } from "./steps"
import { noteEvent } from "../lib/system-notes"

export const reverseLoyaltyPointsWorkflowId = "reverse-loyalty-points"

/**
 * Takes back an order's points after a cancel (all of them, and the points it spent go back to the
 * customer) or a refund (in proportion to the share refunded), with a system note. Idempotent: the
 * amount is what is still owed according to the ledger. Points already spent may leave the
 * available balance negative; it recovers as new points come in.
 *
 * @example
 * await reverseLoyaltyPointsWorkflow(container).run({ input: { order_id: "order_123", reason: "canceled" } })
 */
export const reverseLoyaltyPointsWorkflow = createWorkflow(
  reverseLoyaltyPointsWorkflowId,
  (input: WorkflowData<ReverseOrderLoyaltyInput>) => {
    const reversal = reverseOrderLoyaltyStep(input)
    recordSystemNotesStep(
      transform({ reversal, input }, ({ reversal, input }) => {
        if (!reversal.customer_id || !reversal.entry_ids.length) {
          return []
        }
        const parts: string[] = []
        if (reversal.earned_reversed < 0) {
          parts.push(`${(-reversal.earned_reversed).toLocaleString("en-US")} earned points taken back`)
        }
        if (reversal.spent_returned > 0) {
          parts.push(`${reversal.spent_returned.toLocaleString("en-US")} spent points returned`)
        }
        return [
          {
            customer_id: reversal.customer_id,
            body: `Loyalty: ${parts.join(", ")} (order #${reversal.display_id} ${input.reason})`,
            event: noteEvent(
              reversal.earned_reversed < 0 && reversal.spent_returned > 0
                ? "loyalty_reversed_both"
                : reversal.earned_reversed < 0
                  ? "loyalty_reversed_earned"
                  : "loyalty_reversed_spent",
              {
                earned: -reversal.earned_reversed,
                spent: reversal.spent_returned,
                display_id: reversal.display_id,
                why: input.reason,
              }
            ),
          },
        ]
      })
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_POINTS_REVERSED,
      data: transform({ reversal, input }, ({ reversal, input }) =>
        reversal.entry_ids.map((id) => ({ id, customer_id: reversal.customer_id, order_id: input.order_id }))
      ),
    })
    return new WorkflowResponse(reversal)
  }
)
