import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { deleteSegmentStep, validateSegmentStep } from "./steps"

export type DeleteSegmentWorkflowInput = { id: string }

export const deleteSegmentWorkflowId = "delete-customer-segment"

/**
 * Deletes a segment (softly, with its member records and sync history). Its customer group stays,
 * with every member it has, including those the sync put there: promotions and price lists may
 * target the group, and an admin decides whether to empty or delete it. 404 `segment_not_found`.
 *
 * @example
 * await deleteSegmentWorkflow(container).run({ input: { id: "cseg_123" } })
 */
export const deleteSegmentWorkflow = createWorkflow(
  deleteSegmentWorkflowId,
  (input: WorkflowData<DeleteSegmentWorkflowInput>) => {
    validateSegmentStep(transform({ input }, ({ input }) => ({ id: input.id })))
    const id = deleteSegmentStep(transform({ input }, ({ input }) => ({ id: input.id })))
    emitEventStep({
      eventName: CrmEvents.SEGMENT_DELETED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    }).config({ name: "emit-segment-deleted" })
    return new WorkflowResponse(id)
  }
)
