import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CUSTOMER_IDENTITY_MODULE,
  normalizeEmail,
  type AlternateEmailSource,
  type CustomerIdentityModuleService,
} from "../../modules/customer-identity"
import { crmError, withConflict } from "../../lib/errors"
import { type EmailTakenConflict, IdentityErrorCodes } from "../../types/http/identity"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)

const CONFLICT_CUSTOMER_FIELDS = ["id", "email", "first_name", "last_name", "company_name"] as const

type ConflictCustomer = {
  id: string
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  company_name?: string | null
}

/**
 * 409 `email_taken` naming the other customer (name, else company, else e-mail), with them as the
 * refusal's `conflict`: the admin links to them and offers the merge. Nothing the merchant cannot
 * see on that customer's page.
 */
function emailTaken(reason: string, other: ConflictCustomer) {
  const name =
    [other.first_name, other.last_name].filter(Boolean).join(" ") || other.company_name || other.email || other.id
  const conflict: EmailTakenConflict = { customer_id: other.id, name, email: other.email ?? null }
  return withConflict(
    crmError(MedusaError.Types.CONFLICT, IdentityErrorCodes.EMAIL_TAKEN, `${reason}, ${name}: merge the two records instead`),
    conflict
  )
}

export const validateAlternateEmailStepId = "validate-alternate-email"

/**
 * Checks a new alternate address: the customer exists (404); it is not their primary address
 * (400); no other customer has it as primary or alternate address (409: they are probably the same
 * person, to merge). Returns the address in lower case. Writes nothing.
 */
export const validateAlternateEmailStep = createStep(
  validateAlternateEmailStepId,
  async (input: { customer_id: string; email: string }, { container }) => {
    const email = normalizeEmail(input.email)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [customer] } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: input.customer_id },
    })
    if (!customer) {
      throw crmError(MedusaError.Types.NOT_FOUND, IdentityErrorCodes.CUSTOMER_NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
    }
    if (customer.email && normalizeEmail(customer.email) === email) {
      throw crmError(MedusaError.Types.INVALID_DATA, IdentityErrorCodes.EMAIL_IS_PRIMARY, `${email} is already the customer's primary e-mail`)
    }
    const [taken] = await service(container).listCustomerAlternateEmails({ email }, { select: ["customer_id"] })
    if (taken?.customer_id === input.customer_id) {
      throw crmError(MedusaError.Types.CONFLICT, IdentityErrorCodes.EMAIL_TAKEN, `${email} is already one of the customer's e-mails`)
    }
    if (taken) {
      const { data: [other] } = await query.graph({
        entity: "customer",
        fields: [...CONFLICT_CUSTOMER_FIELDS],
        filters: { id: taken.customer_id },
      })
      throw emailTaken(`${email} is an alternate e-mail of another customer`, other ?? { id: taken.customer_id })
    }
    const { data: owners } = await query.graph({
      entity: "customer",
      fields: [...CONFLICT_CUSTOMER_FIELDS],
      filters: { email: { $ilike: email } } as any,
    })
    const owner = (owners as ConflictCustomer[]).find(
      (c) => c.id !== input.customer_id && !!c.email && normalizeEmail(c.email) === email
    )
    if (owner) {
      throw emailTaken(`${email} is the e-mail of another customer`, owner)
    }
    return new StepResponse(email)
  }
)

export const createAlternateEmailStepId = "create-alternate-email"

/** Stores an alternate address. Compensation deletes it. */
export const createAlternateEmailStep = createStep(
  createAlternateEmailStepId,
  async (
    input: { customer_id: string; email: string; source: AlternateEmailSource; added_by?: string | null },
    { container }
  ) => {
    const created = await service(container).createCustomerAlternateEmails(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteCustomerAlternateEmails(id)
    }
  }
)

export const deleteAlternateEmailStepId = "delete-alternate-email"

/** Removes one of the customer's alternate addresses (404 when it is not theirs). Compensation restores it. */
export const deleteAlternateEmailStep = createStep(
  deleteAlternateEmailStepId,
  async (input: { customer_id: string; id: string }, { container }) => {
    const [row] = await service(container).listCustomerAlternateEmails({ id: input.id, customer_id: input.customer_id })
    if (!row) {
      throw crmError(MedusaError.Types.NOT_FOUND, IdentityErrorCodes.ALTERNATE_EMAIL_NOT_FOUND, `Alternate e-mail with id: ${input.id} was not found on this customer`)
    }
    await service(container).softDeleteCustomerAlternateEmails([row.id])
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).restoreCustomerAlternateEmails([id])
    }
  }
)
