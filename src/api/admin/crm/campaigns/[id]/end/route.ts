import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchCampaign } from "../../../../../../lib/messages/campaigns"
import type { AdminCampaignResponse } from "../../../../../../types/http/messages"
import { endCampaignWorkflow } from "../../../../../../workflows/campaigns/end-campaign"
import { answerRefusals } from "../../../../../utils/conflict"

/** Ends a campaign now (409 `campaign_ended` when it already has). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCampaignResponse>) => {
  const run = await answerRefusals(res, () => endCampaignWorkflow(req.scope).run({ input: { id: req.params.id } }))
  if (!run.ok) {
    return
  }
  res.json({ campaign: await refetchCampaign(req.scope, req.params.id) })
}
