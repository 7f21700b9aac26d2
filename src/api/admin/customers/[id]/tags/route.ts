import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerRefusals } from "../../../../utils/conflict"
import { assignCustomerTagsWorkflow } from "../../../../../workflows/assign-customer-tags"
import type {
  AssignCustomerTagPayload,
  CustomerTagListResponse,
  CustomerTagResponse,
} from "../../../../../types/http/tags"
import { actorUserId, assertCustomerExists } from "../../../../utils/customers"
import { listCustomerTags, refetchCustomerTag } from "./helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CustomerTagListResponse>) => {
  await assertCustomerExists(req.scope, req.params.id)
  const tags = await listCustomerTags(req.scope, req.params.id)
  res.json({ tags, count: tags.length })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AssignCustomerTagPayload>,
  res: MedusaResponse<CustomerTagResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const run = await answerRefusals(res, () =>
    assignCustomerTagsWorkflow(req.scope).run({
      input: {
        assignments: [{ ...req.validatedBody, customer_id: req.params.id }],
        source: "admin",
        actor_id: actorUserId(req.auth_context),
      },
    })
  )
  if (!run.ok) {
    return
  }
  const tag = await refetchCustomerTag(req.scope, req.params.id, run.value.result.tags[0].id)
  res.status(201).json({ tag })
}
