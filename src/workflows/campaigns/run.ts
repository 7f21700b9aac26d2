import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { runExclusive } from "../../lib/exclusive-job"
import {
  CAMPAIGN_LOCK_EXPIRE_SECONDS,
  CAMPAIGN_LOCK_WAIT_SECONDS,
  CAMPAIGN_PASS_LOCK,
  campaignLockKey,
  runningCampaignIds,
} from "../../lib/messages/distribute"
import { distributeCampaignWorkflow, type DistributeCampaignWorkflowOutput } from "./distribute-campaign"

export type CampaignDistributionOutcome =
  | ({ status: "succeeded" } & DistributeCampaignWorkflowOutput)
  | { status: "failed"; id: string; error: string }

/**
 * Runs one distribution pass of a campaign under the campaign's lock (the event's pass and the
 * scheduled one never interleave; the unique index would refuse doubles anyway), waiting for a
 * pass that holds it. A failure is undone by the workflow's compensations, logged (ids only) and
 * left to the next scheduled pass.
 */
export async function runCampaignDistribution(
  container: MedusaContainer,
  campaignId: string
): Promise<CampaignDistributionOutcome> {
  const locking = container.resolve(Modules.LOCKING)
  try {
    return await locking.execute(
      campaignLockKey(campaignId),
      async () => {
        const { result } = await distributeCampaignWorkflow(container).run({ input: { id: campaignId } })
        return { status: "succeeded" as const, ...result }
      },
      { timeout: CAMPAIGN_LOCK_WAIT_SECONDS, expire: CAMPAIGN_LOCK_EXPIRE_SECONDS }
    )
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-crm: distribution of campaign ${campaignId} failed; the next scheduled pass retries it`)
    return { status: "failed", id: campaignId, error: (e as Error)?.message ?? String(e) }
  }
}

/**
 * The scheduled pass: every running campaign gets a distribution pass (who came to match since
 * the last one gets an entry; e-mails still due go out), once across instances (the locking
 * module: another instance finds the pass lock taken and skips the round). Resumable: campaigns
 * go never or longest ago distributed first, so a pass cut short continues with those it had not
 * reached, and each campaign's pass adds only who is missing. Returns the outcomes, or null when
 * another instance runs the pass.
 */
export async function distributeRunningCampaigns(container: MedusaContainer) {
  return runExclusive(
    container,
    CAMPAIGN_PASS_LOCK,
    "campaign distribution",
    async () => {
      const outcomes: CampaignDistributionOutcome[] = []
      for (const id of await runningCampaignIds(container)) {
        outcomes.push(await runCampaignDistribution(container, id))
      }
      return outcomes
    },
    CAMPAIGN_LOCK_EXPIRE_SECONDS * 2
  )
}
