import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteTagDefinitionWorkflow } from "../../../../../workflows/delete-tag-definition"
import { updateTagDefinitionWorkflow } from "../../../../../workflows/update-tag-definition"
import { actorUserId } from "../../../../utils/customers"
import { refetchTagDefinition } from "../helpers"
import type {
  TagDefinitionDeleteResponse,
  TagDefinitionResponse,
  UpdateTagDefinitionPayload,
} from "../../../../../types/http/tags"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<TagDefinitionResponse>) => {
  const tag = await refetchTagDefinition(req.scope, req.params.tag_id)
  res.json({ tag })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateTagDefinitionPayload>,
  res: MedusaResponse<TagDefinitionResponse>
) => {
  await updateTagDefinitionWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.tag_id },
  })
  const tag = await refetchTagDefinition(req.scope, req.params.tag_id)
  res.json({ tag })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<TagDefinitionDeleteResponse>) => {
  await refetchTagDefinition(req.scope, req.params.tag_id)
  await deleteTagDefinitionWorkflow(req.scope).run({
    input: { id: req.params.tag_id, actor_id: actorUserId(req.auth_context) },
  })
  res.json({ id: req.params.tag_id, object: "customer_tag_definition", deleted: true })
}
