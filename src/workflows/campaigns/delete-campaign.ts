import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { deleteCampaignStep, validateCampaignStep } from "./steps"

export type DeleteCampaignWorkflowInput = { id: string }

export const deleteCampaignWorkflowId = "delete-customer-campaign"

/**
 * Deletes a campaign that has not started (softly); one that has started can only be ended
 * (409 `campaign_started`). 404 `campaign_not_found`.
 *
 * @example
 * await deleteCampaignWorkflow(container).run({ input: { id: "ccmp_123" } })
 */
export const deleteCampaignWorkflow = createWorkflow(
  deleteCampaignWorkflowId,
  (input: WorkflowData<DeleteCampaignWorkflowInput>) => {
    validateCampaignStep(transform({ input }, ({ input }) => ({ action: "delete" as const, id: input.id })))
    const id = deleteCampaignStep(transform({ input }, ({ input }) => ({ id: input.id })))
    emitEventStep({
      eventName: CrmEvents.CAMPAIGN_DELETED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    }).config({ name: "emit-campaign-deleted" })
    return new WorkflowResponse(id)
  }
)
