import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../modules/customer-identity"
import { crmError } from "../../lib/errors"
import { IdentityErrorCodes } from "../../types/http/identity"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)

export const archiveCustomerStepId = "archive-customer"

/** Marks a customer archived (409 when they already are). Compensation removes the mark. */
export const archiveCustomerStep = createStep(
  archiveCustomerStepId,
  async (input: { customer_id: string; reason?: string | null; actor_id?: string | null }, { container }) => {
    const [existing] = await service(container).listCustomerArchives({ customer_id: input.customer_id }, { select: ["id"] })
    if (existing) {
      throw crmError(MedusaError.Types.CONFLICT, IdentityErrorCodes.CUSTOMER_ARCHIVED, "The customer is already archived")
    }
    const created = await service(container).createCustomerArchives({
      customer_id: input.customer_id,
      archived_at: new Date(),
      archived_by: input.actor_id ?? null,
      reason: input.reason ?? null,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteCustomerArchives(id)
    }
  }
)

export const restoreCustomerStepId = "restore-customer"

/** Takes the archive mark off a customer (409 when they are not archived). Compensation puts it back. */
export const restoreCustomerStep = createStep(
  restoreCustomerStepId,
  async (input: { customer_id: string }, { container }) => {
    const [existing] = await service(container).listCustomerArchives({ customer_id: input.customer_id }, { select: ["id"] })
    if (!existing) {
      throw crmError(MedusaError.Types.CONFLICT, IdentityErrorCodes.CUSTOMER_NOT_ARCHIVED, "The customer is not archived")
    }
    await service(container).softDeleteCustomerArchives([existing.id])
    return new StepResponse(existing.id, existing.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).restoreCustomerArchives([id])
    }
  }
)
