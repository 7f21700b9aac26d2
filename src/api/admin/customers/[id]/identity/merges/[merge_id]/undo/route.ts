import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { undoCustomerMergeWorkflow } from "../../../../../../../../workflows/merge-customers"
import { answerRefusals } from "../../../../../../../utils/conflict"
import { actorUserId } from "../../../../../../../utils/customers"
import type { MergeResponse } from "../../../../../../../../types/http/identity"
import { formatMerge } from "../../../helpers"

/**
 * Undoes a merge this customer kept: the other record comes back with everything that moved.
 * 404 unknown merge, 409 already undone, past the undo window, or this customer was merged away since.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MergeResponse>) => {
  const run = await answerRefusals(res, () =>
    undoCustomerMergeWorkflow(req.scope).run({
      input: { merge_id: req.params.merge_id, survivor_id: req.params.id, actor_id: actorUserId(req.auth_context) },
    })
  )
  if (run.ok) {
    res.json({ merge: formatMerge(run.value.result) })
  }
}
