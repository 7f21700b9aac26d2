import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeCustomerPhotoWorkflow } from "../../../../../../workflows/remove-customer-photo"
import { setCustomerPhotoWorkflow } from "../../../../../../workflows/set-customer-photo"
import { getCustomerProfile } from "../helpers"
import { actorUserId } from "../../../../../utils/customers"
import type { CustomerProfileResponse, UploadCustomerPhotoPayload } from "../../../../../../types/http/profile"

export const POST = async (
  req: AuthenticatedMedusaRequest<UploadCustomerPhotoPayload>,
  res: MedusaResponse<CustomerProfileResponse>
) => {
  await setCustomerPhotoWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      customer_id: req.params.id,
      actor_id: actorUserId(req.auth_context),
    },
  })
  const profile = await getCustomerProfile(req.scope, req.params.id)
  res.json({ profile })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerProfileResponse>) => {
  await removeCustomerPhotoWorkflow(req.scope).run({
    input: { customer_id: req.params.id, actor_id: actorUserId(req.auth_context) },
  })
  const profile = await getCustomerProfile(req.scope, req.params.id)
  res.json({ profile })
}
