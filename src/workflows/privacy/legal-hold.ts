import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assertCustomerExistsStep } from "../steps/assert-customer-exists"
import { liftLegalHoldStep, setLegalHoldStep } from "./steps"

export type SetLegalHoldWorkflowInput = {
  customer_id: string
  /** Why (a dispute, an investigation, a bookkeeping obligation): shown to staff. */
  reason: string
  /** The admin user who sets it. */
  actor_id?: string | null
}

/**
 * Puts a customer on legal hold, or changes the reason of the hold: while it is set, the
 * customer (and every record of the person) cannot be anonymized or deleted. 404 unknown customer.
 *
 * @example
 * await setLegalHoldWorkflow(container).run({ input: { customer_id: "cus_123", reason: "Chargeback dispute", actor_id: "user_1" } })
 */
export const setLegalHoldWorkflow = createWorkflow("set-legal-hold", (input: WorkflowData<SetLegalHoldWorkflowInput>) => {
  assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
  const customerId = setLegalHoldStep(input)
  return new WorkflowResponse(customerId)
})

/**
 * Lifts a customer's legal hold. Lifting a hold that is not there changes nothing. 404 unknown customer.
 *
 * @example
 * await liftLegalHoldWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const liftLegalHoldWorkflow = createWorkflow("lift-legal-hold", (input: WorkflowData<{ customer_id: string }>) => {
  assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
  const customerId = liftLegalHoldStep(transform({ input }, ({ input }) => input.customer_id))
  return new WorkflowResponse(customerId)
})
