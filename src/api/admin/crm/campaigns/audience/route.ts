import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { countAudience } from "../../../../../lib/messages/audience"
import type { AdminCampaignAudienceResponse } from "../../../../../types/http/messages"
import type { AdminCampaignAudienceBodyType } from "../validators"

/** How many customers an audience reaches now (online accounts, not archived nor anonymized). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCampaignAudienceBodyType>,
  res: MedusaResponse<AdminCampaignAudienceResponse>
) => {
  res.json({ count: await countAudience(req.scope, req.validatedBody.audience) })
}
