import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import {
  emailCampaignEntriesStep,
  insertCampaignEntriesStep,
  loadRunningCampaignStep,
  markCampaignDistributedStep,
} from "./steps"

export type DistributeCampaignWorkflowInput = { id: string }

export type DistributeCampaignWorkflowOutput = { id: string; added: number; emailed: number }

export const distributeCampaignWorkflowId = "distribute-customer-campaign"

/**
 * One distribution pass of a running campaign: an inbox entry for each recipient of its audience
 * who has none yet (set-based: one statement finds them, batched inserts put the entries in; the
 * unique index on campaign and customer makes the pass idempotent), then the e-mails still due
 * (when the campaign sends them). Emits `crm.customer_campaign.distributed` when it added or
 * e-mailed anything. A campaign that is not running (not started, ended, deleted) is left alone.
 * Run it under the campaign's lock (`runCampaignDistribution`).
 *
 * @example
 * const { result } = await distributeCampaignWorkflow(container).run({ input: { id: "ccmp_123" } })
 */
export const distributeCampaignWorkflow = createWorkflow(
  distributeCampaignWorkflowId,
  (input: WorkflowData<DistributeCampaignWorkflowInput>) => {
    const campaign = loadRunningCampaignStep(transform({ input }, ({ input }) => ({ id: input.id })))
    const entries = insertCampaignEntriesStep(transform({ campaign }, ({ campaign }) => ({ campaign })))
    markCampaignDistributedStep(
      transform({ campaign, entries }, ({ campaign, entries }) => ({ id: campaign?.id ?? null, at: entries.at }))
    )
    const mails = emailCampaignEntriesStep(transform({ campaign }, ({ campaign }) => ({ campaign })))
    const outcome = transform({ input, entries, mails }, ({ input, entries, mails }) => ({
      id: input.id,
      added: entries.added,
      emailed: mails.emailed,
    }))
    when("announce-campaign-distributed", { outcome }, ({ outcome }) => outcome.added + outcome.emailed > 0).then(() => {
      emitEventStep({
        eventName: CrmEvents.CAMPAIGN_DISTRIBUTED,
        data: outcome,
      }).config({ name: "emit-campaign-distributed" })
    })
    return new WorkflowResponse<DistributeCampaignWorkflowOutput>(outcome)
  }
)
