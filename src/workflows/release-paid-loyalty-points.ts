import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releasePaidOrderPointsStep } from "./steps"

export const releasePaidLoyaltyPointsWorkflowId = "release-paid-loyalty-points"

/**
 * An order was paid: the points it earned that waited for the payment (program `earn_on: "paid"`)
 * get their date (the order's plus the pending days) and are available once it has passed.
 * Idempotent: the same capture twice changes nothing the second time.
 *
 * @example
 * await releasePaidLoyaltyPointsWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const releasePaidLoyaltyPointsWorkflow = createWorkflow(
  releasePaidLoyaltyPointsWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const released = releasePaidOrderPointsStep(input)
    return new WorkflowResponse(released)
  }
)
