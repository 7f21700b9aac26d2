import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { answerRefusals } from "../../../utils/conflict"
import { createTagDefinitionWorkflow } from "../../../../workflows/create-tag-definition"
import { refetchTagDefinition, TAG_DEFINITION_FIELDS, withCounts } from "./helpers"
import type {
  CreateTagDefinitionPayload,
  TagDefinitionListParams,
  TagDefinitionListResponse,
  TagDefinitionResponse,
} from "../../../../types/http/tags"
import { asHttp } from "../../../utils/query-rows"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, TagDefinitionListParams>,
  res: MedusaResponse<TagDefinitionListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q } = req.validatedQuery
  const { data, metadata } = await query.graph({
    entity: "customer_tag_definition",
    fields: TAG_DEFINITION_FIELDS,
    // `q` searches the searchable fields (key, label); the generated filter type does not list it.
    filters: (q ? { q } : {}) as { id?: string },
    pagination: req.queryConfig.pagination,
  })
  const tags = await withCounts(req.scope, asHttp<Parameters<typeof withCounts>[1]>(data))
  res.json({
    tags,
    count: metadata?.count ?? tags.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? tags.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<CreateTagDefinitionPayload>,
  res: MedusaResponse<TagDefinitionResponse>
) => {
  const run = await answerRefusals(res, () =>
    createTagDefinitionWorkflow(req.scope).run({ input: req.validatedBody })
  )
  if (!run.ok) {
    return
  }
  const tag = await refetchTagDefinition(req.scope, run.value.result.id)
  res.status(201).json({ tag })
}
