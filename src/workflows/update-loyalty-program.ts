import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import type { LoyaltyProgramUpdate } from "../lib/loyalty"
import { updateLoyaltyProgramStep } from "./steps"

export const updateLoyaltyProgramWorkflowId = "update-loyalty-program"

/**
 * Saves the loyalty program's settings (validated by `loyaltyProgramSchema`); `rates` replaces
 * the whole list. Changes apply to what happens next: points already earned keep their dates.
 *
 * @example
 * await updateLoyaltyProgramWorkflow(container).run({
 *   input: { rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }] },
 * })
 */
export const updateLoyaltyProgramWorkflow = createWorkflow(
  updateLoyaltyProgramWorkflowId,
  (input: WorkflowData<LoyaltyProgramUpdate>) => {
    const program = updateLoyaltyProgramStep(input)
    emitEventStep({ eventName: CrmEvents.LOYALTY_PROGRAM_UPDATED, data: { id: program.id } })
    return new WorkflowResponse(program)
  }
)
