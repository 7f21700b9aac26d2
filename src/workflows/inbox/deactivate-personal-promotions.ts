import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setPromotionsStatusStep } from "./steps"

export type DeactivatePersonalPromotionsWorkflowInput = { promotion_ids: string[] }

export const deactivatePersonalPromotionsWorkflowId = "deactivate-personal-promotions"

/**
 * Deactivates personal promotions (of offers that expired or were removed), so their codes stop
 * working. Promotions already inactive are left alone. Compensation reactivates what it changed.
 *
 * @example
 * await deactivatePersonalPromotionsWorkflow(container).run({ input: { promotion_ids: ["promo_123"] } })
 */
export const deactivatePersonalPromotionsWorkflow = createWorkflow(
  deactivatePersonalPromotionsWorkflowId,
  (input: WorkflowData<DeactivatePersonalPromotionsWorkflowInput>) => {
    const changed = setPromotionsStatusStep(
      transform({ input }, ({ input }) => ({ ids: input.promotion_ids, status: "inactive" as const }))
    )
    return new WorkflowResponse(changed)
  }
)
