import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeCustomerTagsWorkflow } from "../../../../../../workflows/remove-customer-tags"
import { updateCustomerTagWorkflow } from "../../../../../../workflows/update-customer-tag"
import { actorUserId } from "../../../../../utils/customers"
import { refetchCustomerTag } from "../helpers"
import type {
  CustomerTagDeleteResponse,
  CustomerTagResponse,
  UpdateCustomerTagPayload,
} from "../../../../../../types/http/tags"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerTagResponse>) => {
  const tag = await refetchCustomerTag(req.scope, req.params.id, req.params.tag_id)
  res.json({ tag })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateCustomerTagPayload>,
  res: MedusaResponse<CustomerTagResponse>
) => {
  await updateCustomerTagWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      id: req.params.tag_id,
      customer_id: req.params.id,
      actor_id: actorUserId(req.auth_context),
    },
  })
  const tag = await refetchCustomerTag(req.scope, req.params.id, req.params.tag_id)
  res.json({ tag })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerTagDeleteResponse>) => {
  // 404 unless the tag is on this customer; ids from another customer's page remove nothing.
  await refetchCustomerTag(req.scope, req.params.id, req.params.tag_id)
  await removeCustomerTagsWorkflow(req.scope).run({
    input: { ids: [req.params.tag_id], actor_id: actorUserId(req.auth_context) },
  })
  res.json({ id: req.params.tag_id, object: "customer_tag", deleted: true })
}
