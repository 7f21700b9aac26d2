import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchCustomers } from "../../../../lib/queries/customer-search"
import { customerSummaries } from "../../../utils/identity"
import type { AdminSearchCustomersType } from "../duplicates/middlewares"

/**
 * The CRM customer list and search, as a box office does it: by name, primary or alternate e-mail,
 * or phone (`field`, default any), partial and case-insensitive; each hit says what matched.
 * `status` switches between active (default) and archived customers, `account` narrows to online
 * accounts or guest records; without `q`, newest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q, field, status, account, limit, offset } = req.validatedQuery as AdminSearchCustomersType
  const { hits, count } = await searchCustomers(req.scope, q || null, field, {
    archived: status === "archived",
    has_account: account === "any" ? null : account === "online",
    limit,
    offset,
  })
  const people = await customerSummaries(req.scope, hits.map((h) => h.customer_id))
  res.json({
    customers: hits
      .filter((h) => people.has(h.customer_id))
      .map((h) => ({ ...people.get(h.customer_id), matched_by: h.matches, archived: status === "archived" })),
    count,
    offset,
    limit,
  })
}
