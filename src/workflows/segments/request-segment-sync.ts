import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { assertSegmentSyncsStep, validateSegmentStep } from "./steps"

export type RequestSegmentSyncWorkflowInput = { id: string }

export const requestSegmentSyncWorkflowId = "request-customer-segment-sync"

/**
 * Asks for a sync of a segment now (`crm.customer_segment.sync_requested`, trigger `manual`): the
 * worker runs it under the segment's lock. 404 `segment_not_found`; 400 when it syncs into no group.
 *
 * @example
 * await requestSegmentSyncWorkflow(container).run({ input: { id: "cseg_123" } })
 */
export const requestSegmentSyncWorkflow = createWorkflow(
  requestSegmentSyncWorkflowId,
  (input: WorkflowData<RequestSegmentSyncWorkflowInput>) => {
    const validated = validateSegmentStep(transform({ input }, ({ input }) => ({ id: input.id })))
    assertSegmentSyncsStep(transform({ validated }, ({ validated }) => ({ segment: validated.previous })))
    emitEventStep({
      eventName: CrmEvents.SEGMENT_SYNC_REQUESTED,
      data: transform({ input }, ({ input }) => ({ id: input.id, trigger: "manual" })),
    }).config({ name: "emit-segment-sync-requested-by-hand" })
    return new WorkflowResponse(transform({ validated }, ({ validated }) => validated.previous))
  }
)
