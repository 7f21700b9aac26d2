import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rateFor, valueOfPoints } from "../../../../../lib/loyalty"
import type { StoreCustomerLoyaltyResponse } from "../../../../../types/http/loyalty"
import { loadLoyaltyProgram } from "../../../../../workflows/steps/loyalty-validate"
import { selectFields } from "../../../../utils/fields"
import { customerCurrency, readCustomerLoyalty, storeLoyaltyEntry } from "../../../../utils/loyalty"
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
  const program = await loadLoyaltyProgram(req.scope)
  const currency = await customerCurrency(req.scope, customerId, program)
  const rate = currency ? rateFor(program, currency) : undefined
  const account = {
    ...loyalty,
    currency_code: rate ? currency : null,
    value: rate ? valueOfPoints(loyalty.balance.available, rate) : null,
  }
  res.json({
    loyalty: selectFields(account, req.queryConfig.fields),
    entries: entries.map(storeLoyaltyEntry),
    count,
    offset,
    limit,
  })
}
