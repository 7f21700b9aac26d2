import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { addMonths, signedPoints } from "../lib/loyalty"
import {
  appendLoyaltyEntriesStep,
  ensureLoyaltyAccountsStep,
  recordSystemNotesStep,
  validateLoyaltyCustomerStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

export type AdjustLoyaltyPointsWorkflowInput = {
  customer_id: string
  /** Non-zero: positive adds points, negative removes them (never below the available balance). */
  points: number
  /** Why: required, shown in the history and the timeline. */
  reason: string
  /** The admin user who made it. */
  actor_id?: string | null
}

export const adjustLoyaltyPointsWorkflowId = "adjust-loyalty-points"

/**
 * Adds or removes points by hand with a reason: an `adjust` entry in the ledger and a system note
 * on the timeline. Removing more than the available balance is a 400. Added points expire like
 * earned ones when the program expires points.
 *
 * @example
 * await adjustLoyaltyPointsWorkflow(container).run({
 *   input: { customer_id: "cus_123", points: 250, reason: "Goodwill for the late delivery", actor_id: "user_1" },
 * })
 */
export const adjustLoyaltyPointsWorkflow = createWorkflow(
  adjustLoyaltyPointsWorkflowId,
  (input: WorkflowData<AdjustLoyaltyPointsWorkflowInput>) => {
    const program = validateLoyaltyCustomerStep({ customer_id: input.customer_id })
    const accounts = ensureLoyaltyAccountsStep(transform({ input }, ({ input }) => [input.customer_id]))
    const entries = appendLoyaltyEntriesStep(
      transform({ accounts, input, program }, ({ accounts, input, program }) => ({
        account_id: accounts[0].id,
        require_available: input.points < 0,
        entries: [
          {
            customer_id: input.customer_id,
            type: "adjust" as const,
            points: input.points,
            status: "available" as const,
            description: input.points > 0 ? "Points added" : "Points removed",
            detail: { key: input.points > 0 ? ("points_added" as const) : ("points_removed" as const), values: {} },
            reason: input.reason,
            created_by: input.actor_id ?? null,
            expires_at:
              input.points > 0 && program.expiry_months
                ? addMonths(new Date(), program.expiry_months)
                : null,
          },
        ],
      }))
    )
    recordSystemNotesStep(
      transform({ input }, ({ input }) => [
        {
          customer_id: input.customer_id,
          body: `Loyalty points adjusted: ${signedPoints(input.points)} (${input.reason})`,
          event: noteEvent("loyalty_adjusted", { points: input.points, reason: input.reason }),
          author_id: input.actor_id ?? null,
        },
      ])
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_POINTS_ADJUSTED,
      data: transform({ entries, input }, ({ entries, input }) => ({
        id: entries[0].id,
        customer_id: input.customer_id,
        points: input.points,
      })),
    })
    return new WorkflowResponse(transform({ entries }, ({ entries }) => entries[0]))
  }
)
