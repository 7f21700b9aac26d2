import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { describeCandidates, formatRetentionRun, loadRetentionRun } from "../../../../../../lib/retention"
import type { RetentionDryRunResponse } from "../../../../../../types/http/privacy"
import { retentionDryRunWorkflow } from "../../../../../../workflows/privacy"
import { actorUserId } from "../../../../../utils/customers"
import type { AdminRetentionDryRunType } from "../validators"

/**
 * A dry run of the retention policy: who would be anonymized and who is kept, and why (the first
 * `limit` inactive customers, by id), with the run recorded (`dry_run`) and its counts. No customer
 * is changed. Works while retention is off; `months` previews another period. Set-based per page
 * of customers, so it answers in the request (see the README for figures).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRetentionDryRunType>,
  res: MedusaResponse<RetentionDryRunResponse>
) => {
  const { result } = await retentionDryRunWorkflow(req.scope).run({
    input: { actor_id: actorUserId(req.auth_context), months: req.validatedBody.months, limit: req.validatedBody.limit },
  })
  res.json({
    run: formatRetentionRun(await loadRetentionRun(req.scope, result.run_id)),
    candidates: await describeCandidates(req.scope, result.decisions),
  })
}
