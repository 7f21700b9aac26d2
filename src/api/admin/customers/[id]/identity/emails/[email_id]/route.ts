import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AlternateEmailDeleteResponse } from "../../../../../../../types/http/identity"
import { removeAlternateEmailWorkflow } from "../../../../../../../workflows/alternate-emails"
import { actorUserId } from "../../../../../../utils/customers"

/** Removes one of the customer's alternate e-mails. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AlternateEmailDeleteResponse>) => {
  await removeAlternateEmailWorkflow(req.scope).run({
    input: { customer_id: req.params.id, id: req.params.email_id, actor_id: actorUserId(req.auth_context) },
  })
  res.json({ id: req.params.email_id, object: "customer_alternate_email", deleted: true })
}
