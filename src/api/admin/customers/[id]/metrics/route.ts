import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMetricsParams, CustomerMetricsResponse } from "../../../../../types/http/insights"
import { assertCustomerExists } from "../../../../utils/customers"
import { readCustomerMetrics } from "../../../../utils/insights"

/** Lifetime and period figures, 12 months of net sales and spend per weekday. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, CustomerMetricsParams>,
  res: MedusaResponse<CustomerMetricsResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  res.json(await readCustomerMetrics(req.scope, req.params.id, req.validatedQuery))
}
