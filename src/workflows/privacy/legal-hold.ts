import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { assertCustomerExistsStep } from "../steps/assert-customer-exists"
import { liftLegalHoldStep, privacyLockKey, setLegalHoldStep } from "./steps"

export type SetLegalHoldWorkflowInput = {
  customer_id: string
  /** Why (a dispute, an investigation, a bookkeeping obligation): shown to staff. */
  reason: string
  /** The admin user who sets it. */
  actor_id?: string | null
}

/**
 * Puts a customer on legal hold, or changes the reason of the hold: while it is set, the
 * customer (and every record of the person) cannot be anonymized or deleted. It takes the
 * customer's privacy lock, so a hold set while an anonymization of the customer runs waits for it,
 * and an anonymization started meanwhile sees the hold. 404 unknown customer.
 *
 * @example
 * await setLegalHoldWorkflow(container).run({ input: { customer_id: "cus_123", reason: "Chargeback dispute", actor_id: "user_1" } })
 */
export const setLegalHoldWorkflow = createWorkflow("set-legal-hold", (input: WorkflowData<SetLegalHoldWorkflowInput>) => {
  const key = transform({ input }, ({ input }) => privacyLockKey(input.customer_id))
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
  const customerId = setLegalHoldStep(input)
  releaseLockStep({ key })
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
