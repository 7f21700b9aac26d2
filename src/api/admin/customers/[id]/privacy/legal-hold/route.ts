import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadCustomerPrivacy } from "../../../../../../lib/privacy"
import type { CustomerPrivacyResponse, SetLegalHoldPayload } from "../../../../../../types/http/privacy"
import { liftLegalHoldWorkflow, setLegalHoldWorkflow } from "../../../../../../workflows/privacy"
import { actorUserId } from "../../../../../utils/customers"

/** Puts the customer on legal hold, or changes the hold's reason. 404 unknown customer. */
export const POST = async (
  req: AuthenticatedMedusaRequest<SetLegalHoldPayload>,
  res: MedusaResponse<CustomerPrivacyResponse>
) => {
  await setLegalHoldWorkflow(req.scope).run({
    input: { customer_id: req.params.id, reason: req.validatedBody.reason, actor_id: actorUserId(req.auth_context) },
  })
  res.json({ privacy: await loadCustomerPrivacy(req.scope, req.params.id) })
}

/** Lifts the customer's legal hold (nothing changes when there is none). 404 unknown customer. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerPrivacyResponse>) => {
  await liftLegalHoldWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.json({ privacy: await loadCustomerPrivacy(req.scope, req.params.id) })
}
