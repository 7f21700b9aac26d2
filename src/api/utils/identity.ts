import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listPersonRecords } from "../../lib/queries/person-records"

export const CUSTOMER_SUMMARY_FIELDS = ["id", "email", "first_name", "last_name", "company_name", "phone", "has_account", "created_at"]

/** Customers by id, in the order of `ids`, with the fields a list of people needs. */
export async function customerSummaries(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) {
    return new Map<string, Record<string, unknown>>()
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: CUSTOMER_SUMMARY_FIELDS, filters: { id: ids } })
  return new Map((data as { id: string }[]).map((c) => [c.id, c as Record<string, unknown>]))
}

/**
 * A `query.graph` filter for a customer's orders: filed under them, or under another record whose
 * e-mail is their primary or an alternate e-mail, since both are the same person.
 */
export async function customerOrdersFilter(scope: MedusaContainer, customerId: string) {
  return { customer_id: await listPersonRecords(scope, customerId) }
}
