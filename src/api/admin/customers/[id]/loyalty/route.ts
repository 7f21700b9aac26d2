import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerLoyaltyResponse } from "../../../../../types/http/loyalty"
import { assertCustomerExists } from "../../../../utils/customers"
import { readCustomerLoyalty } from "../../../../utils/loyalty"
import type { AdminGetCustomerLoyaltyParamsType } from "./validators"

/** The customer's loyalty: enrollment, balances, their worth, and a page of the history. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerLoyaltyParamsType>,
  res: MedusaResponse<AdminCustomerLoyaltyResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  res.json(await readCustomerLoyalty(req.scope, req.params.id, req.validatedQuery))
}
