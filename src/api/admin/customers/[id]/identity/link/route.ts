import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { linkCustomerAccountWorkflow } from "../../../../../../workflows/merge-customers"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"
import type { LinkAccountPayload, MergeResponse } from "../../../../../../types/http/identity"
import { formatMerge } from "../helpers"

/**
 * Links this guest record to the online account `account_id`: the guest record is merged into the
 * account. 400 when the account has no login or this record has one, 404 unknown, 409 when blocked.
 */
export const POST = async (req: AuthenticatedMedusaRequest<LinkAccountPayload>, res: MedusaResponse<MergeResponse>) => {
  const run = await answerRefusals(res, () =>
    linkCustomerAccountWorkflow(req.scope).run({
      input: {
        guest_id: req.params.id,
        account_id: req.validatedBody.account_id,
        actor_id: actorUserId(req.auth_context),
      },
    })
  )
  if (run.ok) {
    res.json({ merge: formatMerge(run.value.result) })
  }
}
