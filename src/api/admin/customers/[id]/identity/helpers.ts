import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../../../../modules/customer-identity"
import { customerSummaries } from "../../../../utils/identity"
import { assertCustomerExists } from "../notes/helpers"

/**
 * Who this person is across records: whether they are archived, their alternate e-mails, and the
 * other customers that share an address or a phone number with them (possible duplicates, with
 * what matched). 404 for an unknown customer.
 */
export async function readIdentity(scope: MedusaContainer, customerId: string) {
  await assertCustomerExists(scope, customerId)
  const service: CustomerIdentityModuleService = scope.resolve(CUSTOMER_IDENTITY_MODULE)
  const [archive, alternateEmails, duplicates] = await Promise.all([
    service.listCustomerArchives({ customer_id: customerId }, { select: ["archived_at", "archived_by", "reason"] }),
    service.listCustomerAlternateEmails(
      { customer_id: customerId },
      { select: ["id", "email", "source", "added_by", "created_at"], order: { created_at: "ASC" } }
    ),
    service.findDuplicatesOf(customerId),
  ])
  const people = await customerSummaries(scope, duplicates.map((d) => d.customer_id))
  return {
    customer_id: customerId,
    archived: archive[0] ?? null,
    alternate_emails: alternateEmails,
    duplicates: duplicates
      .filter((d) => people.has(d.customer_id))
      .map((d) => ({ customer: people.get(d.customer_id), matches: d.matches })),
  }
}
