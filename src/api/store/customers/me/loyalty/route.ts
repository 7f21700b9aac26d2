import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rateFor, valueOfPoints } from "../../../../../lib/loyalty"
import { loadLoyaltyProgram } from "../../../../../workflows/steps/loyalty-validate"
import {
  customerCurrency,
  readCustomerLoyalty,
  type LoyaltyHistoryParamsType,
} from "../../../../utils/loyalty"

/**
 * The logged-in customer's points: balances, their value in the customer's currency (that of their
 * latest order, else the store's default) and a page of their history.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const read = await readCustomerLoyalty(
    req.scope,
    customerId,
    req.validatedQuery as unknown as LoyaltyHistoryParamsType,
    "store"
  )
  const program = await loadLoyaltyProgram(req.scope)
  const currency = await customerCurrency(req.scope, customerId, program)
  const rate = currency ? rateFor(program, currency) : undefined
  res.json({
    ...read,
    loyalty: {
      ...read.loyalty,
      currency_code: rate ? currency : null,
      value: rate ? valueOfPoints(read.loyalty.balance.available, rate) : null,
    },
  })
}
