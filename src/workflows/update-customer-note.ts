import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CrmEvents } from "../lib/events"
import {
  unpinCustomerNotesStep,
  updateCustomerNotesStep,
  validateCustomerNoteStep,
} from "./steps"

/** The change to one note of one customer. */
export type UpdateCustomerNoteWorkflowInput = {
  customer_id: string
  id: string
  body?: string
  pinned?: boolean
}

export const updateCustomerNoteWorkflowId = "update-customer-note"

/**
 * Edits a note's body or pins/unpins it. Pinning unpins the customer's previous pinned note.
 * A system note can be pinned but not rewritten.
 *
 * @example
 * await updateCustomerNoteWorkflow(req.scope).run({
 *   input: { customer_id: "cus_123", id: "cnote_123", pinned: true },
 * })
 */
export const updateCustomerNoteWorkflow = createWorkflow(
  updateCustomerNoteWorkflowId,
  (input: WorkflowData<UpdateCustomerNoteWorkflowInput>) => {
    const validation = transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      note_id: input.id,
      edits_body: input.body !== undefined,
    }))
    validateCustomerNoteStep(validation)

    when({ input }, ({ input }) => input.pinned === true).then(() => {
      unpinCustomerNotesStep({ customer_id: input.customer_id, except_id: input.id })
    })

    const update = transform({ input }, ({ input }) => [
      {
        id: input.id,
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
      },
    ])
    const notes = updateCustomerNotesStep(update)

    const note = transform({ notes }, ({ notes }) => notes[0])
    const eventData = transform({ input }, ({ input }) => ({
      id: input.id,
      customer_id: input.customer_id,
    }))
    emitEventStep({ eventName: CrmEvents.CUSTOMER_NOTE_UPDATED, data: eventData })

    return new WorkflowResponse(note)
  }
)
