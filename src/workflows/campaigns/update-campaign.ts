import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { AdminUpdateCampaign } from "../../types/http/messages"
import { updateCampaignStep, validateCampaignStep } from "./steps"

export type UpdateCampaignWorkflowInput = AdminUpdateCampaign & { id: string }

export const updateCampaignWorkflowId = "update-customer-campaign"

/**
 * Changes a campaign: before it starts, anything but its kind; once started, only `ends_at`
 * (409 `campaign_started`); once ended, nothing (409 `campaign_ended`). Fields sent unchanged are
 * left alone. A campaign that has started after the change is distributed at once (asked for
 * through `crm.customer_campaign.distribution_requested`). 404 `campaign_not_found`.
 *
 * @example
 * await updateCampaignWorkflow(container).run({ input: { id: "ccmp_123", ends_at: "2026-12-31T23:00:00Z" } })
 */
export const updateCampaignWorkflow = createWorkflow(
  updateCampaignWorkflowId,
  (input: WorkflowData<UpdateCampaignWorkflowInput>) => {
    const validated = validateCampaignStep(
      transform({ input }, ({ input }) => {
        const { id, ...data } = input
        return { action: "update" as const, id, data }
      })
    )
    const campaign = updateCampaignStep(
      transform({ validated, input }, ({ validated, input }) => ({
        id: input.id,
        data: validated.data,
        previous: validated.previous!,
      }))
    )
    emitEventStep({
      eventName: CrmEvents.CAMPAIGN_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    }).config({ name: "emit-campaign-updated" })
    when("request-distribution-of-updated-campaign", { campaign }, ({ campaign }) => campaign.started).then(() => {
      emitEventStep({
        eventName: CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED,
        data: transform({ campaign }, ({ campaign }) => ({ id: campaign.id })),
      }).config({ name: "emit-updated-campaign-distribution-requested" })
    })
    return new WorkflowResponse(campaign)
  }
)
