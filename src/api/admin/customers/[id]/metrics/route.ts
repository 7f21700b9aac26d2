import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readCustomerMetrics, type MetricsParamsType } from "../../../../utils/insights"
import { assertCustomerExists } from "../../../../utils/customers"

/** Lifetime and period figures, 12 months of net sales and spend per weekday. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.id)
  res.json(await readCustomerMetrics(req.scope, req.params.id, req.validatedQuery as MetricsParamsType))
}
