import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bulkUpdateCustomerTagsWorkflow } from "../../../../../workflows/bulk-update-customer-tags"
import type { AdminBulkCustomerTagsResponse } from "../../../../../types/http/customer-list"
import { actorUserId } from "../../../../utils/customers"
import type { AdminBulkCustomerTagsType } from "./validators"

/**
 * Adds a tag to and/or removes a tag from a selection of customers (the CRM list's bulk action).
 * Customers that already carry the added tag, or lack the removed one, stay as they are. Unknown
 * customers or tag keys: 404, nothing changes. Answers how many customers changed.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBulkCustomerTagsType>,
  res: MedusaResponse<AdminBulkCustomerTagsResponse>
) => {
  const { customer_ids, add, remove } = req.validatedBody
  const { result } = await bulkUpdateCustomerTagsWorkflow(req.scope).run({
    input: { customer_ids, add, remove, actor_id: actorUserId(req.auth_context) },
  })
  res.json({ updated: result.updated })
}
