import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerRefusals } from "../../../../utils/conflict"
import { updateCustomerProfileWorkflow } from "../../../../../workflows/update-customer-profile"
import { getCustomerProfile } from "./helpers"
import { actorUserId } from "../../../../utils/customers"
import type { CustomerProfileResponse, UpdateCustomerProfilePayload } from "../../../../../types/http/profile"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerProfileResponse>) => {
  const profile = await getCustomerProfile(req.scope, req.params.id)
  res.json({ profile })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateCustomerProfilePayload>,
  res: MedusaResponse<CustomerProfileResponse>
) => {
  const run = await answerRefusals(res, () =>
    updateCustomerProfileWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        customer_id: req.params.id,
        actor_id: actorUserId(req.auth_context),
      },
    })
  )
  if (!run.ok) {
    return
  }
  const profile = await getCustomerProfile(req.scope, req.params.id)
  res.json({ profile })
}
