import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchCampaign } from "../../../../../lib/messages/campaigns"
import type { AdminCampaignResponse } from "../../../../../types/http/messages"
import { deleteCampaignWorkflow } from "../../../../../workflows/campaigns/delete-campaign"
import { updateCampaignWorkflow } from "../../../../../workflows/campaigns/update-campaign"
import { answerRefusals } from "../../../../utils/conflict"
import type { AdminUpdateCampaignType } from "../validators"

/** A campaign with its status, counts and promotion. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCampaignResponse>) => {
  res.json({ campaign: await refetchCampaign(req.scope, req.params.id) })
}

/** Changes a campaign: anything before it starts, only `ends_at` after (409 `campaign_started`). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCampaignType>,
  res: MedusaResponse<AdminCampaignResponse>
) => {
  const run = await answerRefusals(res, () =>
    updateCampaignWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  )
  if (!run.ok) {
    return
  }
  res.json({ campaign: await refetchCampaign(req.scope, req.params.id) })
}

/** Deletes a campaign that has not started (409 `campaign_started` otherwise). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const run = await answerRefusals(res, () => deleteCampaignWorkflow(req.scope).run({ input: { id: req.params.id } }))
  if (!run.ok) {
    return
  }
  res.json({ id: req.params.id, object: "customer_campaign", deleted: true })
}
