import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { mergeCustomersWorkflow } from "../../../../../../workflows/merge-customers"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"
import type { MergePayload, MergeResponse } from "../../../../../../types/http/identity"
import { formatMerge, sourceOf } from "../helpers"

/**
 * Merges this customer and `other_id`, keeping `survivor_id`. 400 for the customer itself or a
 * survivor that is neither, 404 unknown, 409 with the reasons while something blocks it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<MergePayload>, res: MedusaResponse<MergeResponse>) => {
  const { other_id, survivor_id } = req.validatedBody
  const source_id = sourceOf(req.params.id, other_id, survivor_id)
  const run = await answerRefusals(res, () =>
    mergeCustomersWorkflow(req.scope).run({
      input: { source_id, survivor_id, kind: "merge", actor_id: actorUserId(req.auth_context) },
    })
  )
  if (run.ok) {
    res.json({ merge: formatMerge(run.value.result) })
  }
}
