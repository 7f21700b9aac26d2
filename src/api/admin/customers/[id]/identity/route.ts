import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../../../../modules/customer-identity"
import { customerSummaries } from "../../../../utils/identity"
import { assertCustomerExists } from "../notes/helpers"

/**
 * Who this person is across records: their alternate e-mails, and the other customers that share
 * an address or a phone number with them (possible duplicates, with what matched).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.id)
  const service: CustomerIdentityModuleService = req.scope.resolve(CUSTOMER_IDENTITY_MODULE)
  const [alternateEmails, duplicates] = await Promise.all([
    service.listCustomerAlternateEmails(
      { customer_id: req.params.id },
      { select: ["id", "email", "source", "added_by", "created_at"], order: { created_at: "ASC" } }
    ),
    service.findDuplicatesOf(req.params.id),
  ])
  const people = await customerSummaries(req.scope, duplicates.map((d) => d.customer_id))
  res.json({
    identity: {
      customer_id: req.params.id,
      alternate_emails: alternateEmails,
      duplicates: duplicates
        .filter((d) => people.has(d.customer_id))
        .map((d) => ({ customer: people.get(d.customer_id), matches: d.matches })),
    },
  })
}
