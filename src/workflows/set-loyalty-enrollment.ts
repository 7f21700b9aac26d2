import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  assertCustomerExistsStep,
  ensureLoyaltyAccountsStep,
  recordSystemNotesStep,
  updateLoyaltyAccountsStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

export type SetLoyaltyEnrollmentWorkflowInput = {
  customer_id: string
  enrolled: boolean
  /** The admin user who did it. */
  actor_id?: string | null
}

export const setLoyaltyEnrollmentWorkflowId = "set-loyalty-enrollment"

/**
 * Enrolls a customer in the loyalty program or takes them out (used when the program enrolls per
 * customer), with a system note. Leaving keeps the points: they count again on re-enrollment.
 *
 * @example
 * await setLoyaltyEnrollmentWorkflow(container).run({ input: { customer_id: "cus_123", enrolled: true } })
 */
export const setLoyaltyEnrollmentWorkflow = createWorkflow(
  setLoyaltyEnrollmentWorkflowId,
  (input: WorkflowData<SetLoyaltyEnrollmentWorkflowInput>) => {
    assertCustomerExistsStep(input.customer_id)
    const accounts = ensureLoyaltyAccountsStep(transform({ input }, ({ input }) => [input.customer_id]))
    const changed = transform({ accounts, input }, ({ accounts, input }) =>
      accounts[0].enrolled === input.enrolled
        ? []
        : [
            {
              id: accounts[0].id,
              enrolled: input.enrolled,
              enrolled_at: input.enrolled ? new Date() : null,
            },
          ]
    )
    updateLoyaltyAccountsStep(changed)
    recordSystemNotesStep(
      transform({ changed, input }, ({ changed, input }) =>
        changed.map(() => ({
          customer_id: input.customer_id,
          body: input.enrolled
            ? "Enrolled in the loyalty program"
            : "Taken out of the loyalty program",
          event: noteEvent(input.enrolled ? "loyalty_enrolled" : "loyalty_unenrolled"),
          author_id: input.actor_id ?? null,
        }))
      )
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_ACCOUNT_UPDATED,
      data: transform({ accounts, input }, ({ accounts, input }) => ({
        id: accounts[0].id,
        customer_id: input.customer_id,
        enrolled: input.enrolled,
      })),
    })
    return new WorkflowResponse(transform({ accounts }, ({ accounts }) => accounts[0].id))
  }
)
