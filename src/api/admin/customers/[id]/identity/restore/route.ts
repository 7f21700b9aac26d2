import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerIdentityResponse } from "../../../../../../types/http/identity"
import { restoreCustomerWorkflow } from "../../../../../../workflows/archive-customer"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"
import { readIdentity } from "../helpers"

/** Restores an archived customer (409 when not archived). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerIdentityResponse>) => {
  const run = await answerRefusals(res, () =>
    restoreCustomerWorkflow(req.scope).run({
      input: { customer_id: req.params.id, actor_id: actorUserId(req.auth_context) },
    })
  )
  if (run.ok) {
    res.json({ identity: await readIdentity(req.scope, req.params.id) })
  }
}
