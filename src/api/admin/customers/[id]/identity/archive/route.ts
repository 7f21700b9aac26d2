import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ArchiveCustomerPayload, CustomerIdentityResponse } from "../../../../../../types/http/identity"
import { archiveCustomerWorkflow } from "../../../../../../workflows/archive-customer"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"
import { readIdentity } from "../helpers"

/** Archives the customer (409 when already archived). */
export const POST = async (req: AuthenticatedMedusaRequest<ArchiveCustomerPayload>, res: MedusaResponse<CustomerIdentityResponse>) => {
  const run = await answerRefusals(res, () =>
    archiveCustomerWorkflow(req.scope).run({
      input: { customer_id: req.params.id, reason: req.validatedBody.reason, actor_id: actorUserId(req.auth_context) },
    })
  )
  if (run.ok) {
    res.json({ identity: await readIdentity(req.scope, req.params.id) })
  }
}
