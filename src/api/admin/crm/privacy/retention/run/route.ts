import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatRetentionRun, loadRetentionRun } from "../../../../../../lib/retention"
import type { StartRetentionRunResponse } from "../../../../../../types/http/privacy"
import { startRetentionRunWorkflow } from "../../../../../../workflows/privacy"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"

/**
 * Starts a retention run now: 202 with the run; the worker carries it out (poll
 * `GET …/retention/runs`). A run left by a crash is resumed instead. 403
 * `privacy_action_disabled` while retention is off, 409 `retention_running` while a run is going on.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StartRetentionRunResponse>) => {
  const started = await answerRefusals(res, () =>
    startRetentionRunWorkflow(req.scope).run({ input: { actor_id: actorUserId(req.auth_context) } })
  )
  if (started.ok) {
    res.status(202).json({ run: formatRetentionRun(await loadRetentionRun(req.scope, started.value.result.id)) })
  }
}
