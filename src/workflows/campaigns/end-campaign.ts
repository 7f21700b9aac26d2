import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { endCampaignStep, validateCampaignStep } from "./steps"

export type EndCampaignWorkflowInput = { id: string }

export const endCampaignWorkflowId = "end-customer-campaign"

/**
 * Ends a campaign now, before its end date: distribution stops, its messages show as expired and
 * its offers leave the storefront inbox. 404 `campaign_not_found`, 409 `campaign_ended`.
 *
 * @example
 * await endCampaignWorkflow(container).run({ input: { id: "ccmp_123" } })
 */
export const endCampaignWorkflow = createWorkflow(endCampaignWorkflowId, (input: WorkflowData<EndCampaignWorkflowInput>) => {
  validateCampaignStep(transform({ input }, ({ input }) => ({ action: "end" as const, id: input.id })))
  const id = endCampaignStep(transform({ input }, ({ input }) => ({ id: input.id })))
  emitEventStep({
    eventName: CrmEvents.CAMPAIGN_ENDED,
    data: transform({ input }, ({ input }) => ({ id: input.id })),
  }).config({ name: "emit-campaign-ended" })
  return new WorkflowResponse(id)
})
