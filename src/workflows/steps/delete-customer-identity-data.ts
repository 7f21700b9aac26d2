import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../modules/customer-identity"

export const deleteCustomerIdentityDataStepId = "delete-customer-identity-data"

type Row = Record<string, unknown> & { id: string }

/** Without the timestamps the module sets itself; `deleted_at` stays, so a removed row comes back removed. */
const restorable = (rows: Row[]) => rows.map(({ created_at: _c, updated_at: _u, ...row }) => row)

/**
 * Deletes customers' alternate e-mails, identity claims and archive mark for good, the ones removed
 * earlier (soft-deleted, still holding the address) included: the addresses are personal data, and
 * a deleted customer's alternate e-mail would otherwise keep another customer from using it.
 * Merges stay: they are the record of what an undo puts back. Returns how many rows went.
 * Compensation re-creates the rows as they were.
 */
export const deleteCustomerIdentityDataStep = createStep(
  deleteCustomerIdentityDataStepId,
  async (customerIds: string[], { container }) => {
    const empty = { alternate_emails: [] as Row[], claims: [] as Row[], archives: [] as Row[] }
    if (!customerIds.length) {
      return new StepResponse({ deleted: 0 }, empty)
    }
    const service: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const filter = { customer_id: customerIds }
    const config = { withDeleted: true, take: null }
    const [alternateEmails, claims, archives] = await Promise.all([
      service.listCustomerAlternateEmails(filter, config),
      service.listCustomerIdentityClaims(filter, config),
      service.listCustomerArchives(filter, config),
    ])
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id)
    if (alternateEmails.length) {
      await service.deleteCustomerAlternateEmails(ids(alternateEmails))
    }
    if (claims.length) {
      await service.deleteCustomerIdentityClaims(ids(claims))
    }
    if (archives.length) {
      await service.deleteCustomerArchives(ids(archives))
    }
    return new StepResponse(
      { deleted: alternateEmails.length + claims.length + archives.length },
      {
        alternate_emails: alternateEmails as unknown as Row[],
        claims: claims as unknown as Row[],
        archives: archives as unknown as Row[],
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    if (undo.alternate_emails.length) {
      await service.createCustomerAlternateEmails(restorable(undo.alternate_emails) as any)
    }
    if (undo.claims.length) {
      await service.createCustomerIdentityClaims(restorable(undo.claims) as any)
    }
    if (undo.archives.length) {
      await service.createCustomerArchives(restorable(undo.archives) as any)
    }
  }
)
