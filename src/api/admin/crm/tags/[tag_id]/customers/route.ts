import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assignCustomerTagsWorkflow } from "../../../../../../workflows/assign-customer-tags"
import { removeCustomerTagsWorkflow } from "../../../../../../workflows/remove-customer-tags"
import { actorUserId } from "../../../../../utils/customers"
import { refetchTagDefinition } from "../../helpers"
import type { BulkTagCustomersPayload, BulkTagCustomersResponse } from "../../../../../../types/http/tags"

/**
 * Adds the tag to a list of customers and/or removes it from another list. Customers in `add`
 * that already carry it are skipped; unknown customer ids fail the whole request (400).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<BulkTagCustomersPayload>,
  res: MedusaResponse<BulkTagCustomersResponse>
) => {
  const definition = await refetchTagDefinition(req.scope, req.params.tag_id)
  const actorId = actorUserId(req.auth_context)
  const { add = [], remove = [], value, expires_at } = req.validatedBody

  let added = 0
  let skipped = 0
  if (add.length) {
    const { result } = await assignCustomerTagsWorkflow(req.scope).run({
      input: {
        assignments: add.map((customer_id) => ({
          customer_id,
          key: definition.key,
          value,
          expires_at,
        })),
        skip_existing: true,
        source: "bulk",
        actor_id: actorId,
      },
    })
    added = result.tags.length
    skipped = result.skipped
  }

  let removed = 0
  if (remove.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: tags } = await query.graph({
      entity: "customer_tag",
      fields: ["id"],
      filters: { definition_id: req.params.tag_id, customer_id: remove },
    })
    if (tags.length) {
      const { result } = await removeCustomerTagsWorkflow(req.scope).run({
        input: { ids: tags.map((t) => t.id), actor_id: actorId },
      })
      removed = result.length
    }
  }

  const tag = await refetchTagDefinition(req.scope, req.params.tag_id)
  res.json({ tag, added, removed, skipped })
}
