import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { AdminCreateCampaign } from "../../types/http/messages"
import { createCampaignStep, validateCampaignStep } from "./steps"

export type CreateCampaignWorkflowInput = AdminCreateCampaign & {
  /** The admin user who created it. */
  created_by?: string | null
}

export const createCampaignWorkflowId = "create-customer-campaign"

/**
 * Creates a campaign (message, offer or loyalty offer) for an audience. Validated on the way in
 * (see `validateCampaignStep`: 400 `invalid_data`, `promotion_not_found`, `promotion_not_usable`,
 * `audience_segment_not_found`). One that has already started is distributed at once: the
 * workflow asks for it (`crm.customer_campaign.distribution_requested`) and the worker runs it;
 * a later start is picked up by the distribution job.
 *
 * @example
 * await createCampaignWorkflow(container).run({
 *   input: {
 *     kind: "message",
 *     title: "Welcome",
 *     short_description: "Good to have you",
 *     audience: { type: "tags", tags: ["USER_AFFILIATION:CUSTOMER"] },
 *   },
 * })
 */
export const createCampaignWorkflow = createWorkflow(
  createCampaignWorkflowId,
  (input: WorkflowData<CreateCampaignWorkflowInput>) => {
    const validated = validateCampaignStep(
      transform({ input }, ({ input }) => ({ action: "create" as const, data: { ...input } }))
    )
    const campaign = createCampaignStep(
      transform({ validated, input }, ({ validated, input }) => ({ ...validated.data, created_by: input.created_by ?? null }))
    )
    emitEventStep({
      eventName: CrmEvents.CAMPAIGN_CREATED,
      data: transform({ campaign }, ({ campaign }) => ({ id: campaign.id })),
    }).config({ name: "emit-campaign-created" })
    when("request-distribution-of-started-campaign", { campaign }, ({ campaign }) => campaign.started).then(() => {
      emitEventStep({
        eventName: CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED,
        data: transform({ campaign }, ({ campaign }) => ({ id: campaign.id })),
      }).config({ name: "emit-campaign-distribution-requested" })
    })
    return new WorkflowResponse(campaign)
  }
)
