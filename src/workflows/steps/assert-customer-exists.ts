import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"

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
      throw crmError(
        MedusaError.Types.NOT_FOUND,
        "customer_not_found",
        `Customer with id: ${customerId} was not found`
      )
    }
    return new StepResponse(customerId)
  }
)
