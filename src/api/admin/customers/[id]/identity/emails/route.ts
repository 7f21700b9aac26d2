import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AddAlternateEmailPayload, AlternateEmailResponse } from "../../../../../../types/http/identity"
import { addAlternateEmailWorkflow } from "../../../../../../workflows/alternate-emails"
import { answerRefusals } from "../../../../../utils/conflict"
import { actorUserId } from "../../../../../utils/customers"

/** Adds an alternate e-mail (lower case); 409 when another customer has it. */
export const POST = async (req: AuthenticatedMedusaRequest<AddAlternateEmailPayload>, res: MedusaResponse<AlternateEmailResponse>) => {
  const run = await answerRefusals(res, () =>
    addAlternateEmailWorkflow(req.scope).run({
      input: { customer_id: req.params.id, email: req.validatedBody.email, actor_id: actorUserId(req.auth_context) },
    })
  )
  if (!run.ok) {
    return
  }
  const { id, customer_id, email, source, added_by, created_at } = run.value.result
  res.status(201).json({
    alternate_email: { id, customer_id, email, source, added_by, created_at: new Date(created_at).toISOString() },
  })
}
