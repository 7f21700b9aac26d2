import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  createAlternateEmailStep,
  deleteAlternateEmailStep,
  recomputeCustomerInsightsStep,
  recordSystemNotesStep,
  validateAlternateEmailStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

/**
 * Adds an alternate e-mail to a customer, in lower case: 400 for their primary address, 409 when
 * another customer has the address (merge them instead). A system note records it, and the
 * customer's metrics are recomputed: orders placed with the address now count for them.
 *
 * @example
 * await addAlternateEmailWorkflow(container).run({ input: { customer_id: "cus_123", email: "Jane@Work.example" } })
 */
export const addAlternateEmailWorkflow = createWorkflow(
  "add-alternate-email",
  (input: WorkflowData<{ customer_id: string; email: string; actor_id?: string | null }>) => {
    const email = validateAlternateEmailStep(input)
    const created = createAlternateEmailStep(
      transform({ input, email }, ({ input, email }) => ({
        customer_id: input.customer_id,
        email,
        source: "admin" as const,
        added_by: input.actor_id ?? null,
      }))
    )
    recordSystemNotesStep(
      transform({ input, email }, ({ input, email }) => [
        { customer_id: input.customer_id, body: `Alternate e-mail ${email} added`, event: noteEvent("alternate_email_added", { email }), author_id: input.actor_id ?? null },
      ])
    )
    recomputeCustomerInsightsStep(transform({ input }, ({ input }) => [input.customer_id]))
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_ALTERNATE_EMAIL_ADDED,
      data: transform({ created }, ({ created }) => ({ id: created.id, customer_id: created.customer_id })),
    })
    return new WorkflowResponse(created)
  }
)

/**
 * Removes one of a customer's alternate e-mails (404 when it is not theirs), with a system note;
 * orders placed with it no longer count for them.
 *
 * @example
 * await removeAlternateEmailWorkflow(container).run({ input: { customer_id: "cus_123", id: "calt_123" } })
 */
export const removeAlternateEmailWorkflow = createWorkflow(
  "remove-alternate-email",
  (input: WorkflowData<{ customer_id: string; id: string; actor_id?: string | null }>) => {
    const removed = deleteAlternateEmailStep(input)
    recordSystemNotesStep(
      transform({ removed, input }, ({ removed, input }) => [
        { customer_id: input.customer_id, body: `Alternate e-mail ${removed.email} removed`, event: noteEvent("alternate_email_removed", { email: removed.email }), author_id: input.actor_id ?? null },
      ])
    )
    recomputeCustomerInsightsStep(transform({ input }, ({ input }) => [input.customer_id]))
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_ALTERNATE_EMAIL_REMOVED,
      data: transform({ removed }, ({ removed }) => ({ id: removed.id, customer_id: removed.customer_id })),
    })
    return new WorkflowResponse(removed)
  }
)
