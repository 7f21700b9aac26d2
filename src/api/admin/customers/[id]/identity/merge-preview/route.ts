import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { mergeCustomerFacts, planCustomerMerge } from "../../../../../../lib/customer-merge"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../../../../../modules/customer-identity"
import { formatMergePreview, sourceOf } from "../helpers"
import type { MergePreviewParams, MergePreviewResponse } from "../../../../../../types/http/identity"

/**
 * What merging this customer with `other_id` would do, keeping `survivor_id` (this customer by
 * default): what moves, what stays on the record that goes, and what blocks it. Changes nothing.
 * 400 for the customer itself or a survivor that is neither; 404 for an unknown customer.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, MergePreviewParams>,
  res: MedusaResponse<MergePreviewResponse>
) => {
  const { other_id, survivor_id } = req.validatedQuery
  const survivor = survivor_id ?? req.params.id
  const plan = await planCustomerMerge(req.scope, {
    survivor_id: survivor,
    source_id: sourceOf(req.params.id, other_id, survivor),
  })
  const identity: CustomerIdentityModuleService = req.scope.resolve(CUSTOMER_IDENTITY_MODULE)
  const [facts, undoDays] = await Promise.all([
    mergeCustomerFacts(req.scope, [plan.survivor.id, plan.source.id]),
    identity.getMergeUndoDays(),
  ])
  res.json({ preview: formatMergePreview(plan, facts, undoDays) })
}
