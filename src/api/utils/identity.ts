import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MERGE_CUSTOMER_FIELDS } from "../../lib/customer-merge"
import { listPersonRecords } from "../../lib/queries/person-records"
import type { CustomerSummary } from "../../types/http/identity"

/** A customer as identity lists show them: the fields merge snapshots keep. */
export const CUSTOMER_SUMMARY_FIELDS = MERGE_CUSTOMER_FIELDS

/** Customers by id, with the fields a list of people needs. */
export async function customerSummaries(scope: MedusaContainer, ids: string[]) {
  const summaries = new Map<string, CustomerSummary>()
  if (!ids.length) {
    return summaries
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: [...CUSTOMER_SUMMARY_FIELDS], filters: { id: ids } })
  for (const c of data) {
    summaries.set(c.id, {
      id: c.id,
      email: c.email ?? null,
      first_name: c.first_name ?? null,
      last_name: c.last_name ?? null,
      company_name: c.company_name ?? null,
      phone: c.phone ?? null,
      has_account: !!c.has_account,
      created_at: new Date(c.created_at).toISOString(),
    })
  }
  return summaries
}

/**
 * A `query.graph` filter for a customer's orders: filed under them, or under another record whose
 * e-mail is their primary or an alternate e-mail, since both are the same person.
 */
export async function customerOrdersFilter(scope: MedusaContainer, customerId: string) {
  return { customer_id: await listPersonRecords(scope, customerId) }
}
