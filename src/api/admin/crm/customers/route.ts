import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerListRows, listCustomerIds } from "../../../../lib/queries/customer-list"
import type { CustomerListResponse } from "../../../../types/http/customer-list"
import type { AdminCustomerListParamsType } from "../../../utils/customer-list-filter"

/**
 * The CRM customer list: every filter of `CustomerListFilter` (AND across filters), sorted by any
 * sortable column either way, paged, with the total count. Search (`q`) covers the name, the
 * primary and alternate e-mails and the phone, and each row says what matched. Money is in
 * `currency_code` (default: the store's default currency). Anonymized customers are never listed.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminCustomerListParamsType>,
  res: MedusaResponse<CustomerListResponse>
) => {
  const { limit, offset, order, ...filter } = req.validatedQuery
  const page = await listCustomerIds(req.scope, filter, { order, limit, offset })
  const customers = await customerListRows(req.scope, page.ids, page.currency, filter)
  res.json({ customers, count: page.count, offset, limit, currency_code: page.currency })
}
