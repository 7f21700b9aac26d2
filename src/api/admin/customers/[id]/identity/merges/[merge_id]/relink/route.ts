import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { relinkCustomerWorkflow } from "../../../../../../../../workflows/merge-customers"
import { answerRefusals } from "../../../../../../../utils/conflict"
import { actorUserId } from "../../../../../../../utils/customers"
import type { MergeResponse, RelinkPayload } from "../../../../../../../../types/http/identity"
import { formatMerge } from "../../../helpers"

/**
 * Links the guest record of a merge to another online account (the first was the wrong person):
 * undo, then link to `account_id`. Answers the new link. Errors as undo and link.
 */
export const POST = async (req: AuthenticatedMedusaRequest<RelinkPayload>, res: MedusaResponse<MergeResponse>) => {
  const run = await answerRefusals(res, () =>
    relinkCustomerWorkflow(req.scope).run({
      input: {
        merge_id: req.params.merge_id,
        survivor_id: req.params.id,
        account_id: req.validatedBody.account_id,
        actor_id: actorUserId(req.auth_context),
      },
    })
  )
  if (run.ok) {
    res.json({ merge: formatMerge(run.value.result) })
  }
}
