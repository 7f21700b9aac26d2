import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCustomerExists } from "../../lib/customers"

export const assertCustomerExistsStepId = "assert-customer-exists"

/** Fails with a 404 unless the customer exists. Writes nothing. */
export const assertCustomerExistsStep = createStep(
  assertCustomerExistsStepId,
  async (customerId: string, { container }) => {
    await assertCustomerExists(container, customerId)
    return new StepResponse(customerId)
  }
)
