import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatRetentionRun, RUN_FIELDS } from "../../../../../../lib/retention"
import { PRIVACY_MODULE } from "../../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../../modules/privacy/service"
import type { RetentionRunsResponse } from "../../../../../../types/http/privacy"
import type { AdminRetentionRunsParamsType } from "../validators"

/** The retention runs (real and dry), newest first, with their counts; a running run shows its progress. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminRetentionRunsParamsType>,
  res: MedusaResponse<RetentionRunsResponse>
) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  const [runs, count] = await privacy.listAndCountPrivacyRetentionRuns(
    {},
    { select: RUN_FIELDS, order: { started_at: "DESC", id: "DESC" }, skip: offset, take: limit }
  )
  res.json({ runs: runs.map((r) => formatRetentionRun(r as any)), count, offset, limit })
}
