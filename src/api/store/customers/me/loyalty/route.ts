import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCustomerLoyaltyResponse } from "../../../../../types/http/loyalty"
import { selectFields } from "../../../../utils/fields"
import { readCustomerLoyalty, storeLoyaltyEntry } from "../../../../utils/loyalty"
import type { StoreGetCustomerLoyaltyParamsType } from "./validators"

/**
 * The logged-in customer's points: balances, their value in the customer's currency (that of their
 * latest order, else the store's default) and a page of their history. `fields` picks what
 * `loyalty` carries.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCustomerLoyaltyParamsType>,
  res: MedusaResponse<StoreCustomerLoyaltyResponse>
) => {
  const customerId = req.auth_context.actor_id
  const { loyalty, entries, count, offset, limit } = await readCustomerLoyalty(
    req.scope,
    customerId,
    req.validatedQuery
  )
  res.json({
    loyalty: selectFields(loyalty, req.queryConfig.fields),
    entries: entries.map(storeLoyaltyEntry),
    count,
    offset,
    limit,
  })
}
