import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerListRows, listCustomerIds } from "../../../../../../lib/queries/customer-list"
import type { CustomerListResponse } from "../../../../../../types/http/customer-list"
import { loadSegment } from "../../../../../../workflows/segments/steps"
import type { AdminSegmentCustomersParamsType } from "../../validators"

/** The customers who match the segment now, as the CRM list shows them (paged, sortable). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminSegmentCustomersParamsType>,
  res: MedusaResponse<CustomerListResponse>
) => {
  const { limit, offset, order } = req.validatedQuery
  const segment = await loadSegment(req.scope, req.params.id)
  const filter = segment.filter ?? {}
  const page = await listCustomerIds(req.scope, filter, { order, limit, offset })
  const customers = await customerListRows(req.scope, page.ids, page.currency, { q: filter.q, field: filter.field })
  res.json({ customers, count: page.count, offset, limit, currency_code: page.currency })
}
