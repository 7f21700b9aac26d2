import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const assertCustomerExistsStepId = "assert-customer-exists"

/** Fails with a 404 unless the customer exists. Writes nothing. */
export const assertCustomerExistsStep = createStep(
  assertCustomerExistsStepId,
  async (customerId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { id: customerId },
    })
    if (!data.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer with id: ${customerId} was not found`
      )
    }
    return new StepResponse(customerId)
  }
)
