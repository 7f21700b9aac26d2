import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { campaignEntries, loadCampaign } from "../../../../../../lib/messages/campaigns"
import type { AdminCampaignEntryListResponse } from "../../../../../../types/http/messages"
import type { AdminCampaignEntriesParamsType } from "../../validators"

/** The campaign's entries (newest first): the customer's id, e-mail and name, and the entry's status. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminCampaignEntriesParamsType>,
  res: MedusaResponse<AdminCampaignEntryListResponse>
) => {
  const { limit, offset, status } = req.validatedQuery
  await loadCampaign(req.scope, req.params.id)
  const page = await campaignEntries(req.scope, req.params.id, { limit, offset, status })
  res.json({ ...page, offset, limit })
}
