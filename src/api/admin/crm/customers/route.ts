import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchCustomers } from "../../../../lib/queries/customer-search"
import {
  CUSTOMER_SEARCH_MATCHES,
  type CustomerSearchHit,
  type CustomerSearchMatch,
  type CustomerSearchResponse,
} from "../../../../types/http/identity"
import { customerSummaries } from "../../../utils/identity"
import type { AdminSearchCustomersType } from "./validators"

const isSearchMatch = (match: string): match is CustomerSearchMatch =>
  (CUSTOMER_SEARCH_MATCHES as readonly string[]).includes(match)

/**
 * The CRM customer list and search, as a box office does it: by name, primary or alternate e-mail,
 * or phone (`field`, default any), partial and case-insensitive; each hit says what matched.
 * `status` switches between active (default) and archived customers, `account` narrows to online
 * accounts or guest records; without `q`, newest first.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminSearchCustomersType>,
  res: MedusaResponse<CustomerSearchResponse>
) => {
  const { q, field, status, account, limit, offset } = req.validatedQuery
  const { hits, count } = await searchCustomers(req.scope, q || null, field, {
    archived: status === "archived",
    has_account: account === "any" ? null : account === "online",
    limit,
    offset,
  })
  const people = await customerSummaries(req.scope, hits.map((h) => h.customer_id))
  const customers: CustomerSearchHit[] = []
  for (const hit of hits) {
    const person = people.get(hit.customer_id)
    if (person) {
      customers.push({ ...person, matched_by: hit.matches.filter(isSearchMatch), archived: status === "archived" })
    }
  }
  res.json({ customers, count, offset, limit })
}
