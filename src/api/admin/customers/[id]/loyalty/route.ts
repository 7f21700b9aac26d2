import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readCustomerLoyalty, type LoyaltyHistoryParamsType } from "../../../../utils/loyalty"
import { assertCustomerExists } from "../../../../utils/customers"

/** The customer's loyalty: enrollment, balances, their worth, and a page of the history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.id)
  res.json(
    await readCustomerLoyalty(
      req.scope,
      req.params.id,
      req.validatedQuery as unknown as LoyaltyHistoryParamsType
    )
  )
}
