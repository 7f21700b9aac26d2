import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CrmEvents } from "../lib/events"
import { deleteCustomerNotesStep, validateCustomerNoteStep } from "./steps"

/** Which notes to delete: by id, by customer, or both (an AND). */
export type DeleteCustomerNotesWorkflowInput = {
  ids?: string[]
  customer_ids?: string[]
}

export const deleteCustomerNotesWorkflowId = "delete-customer-notes"

/**
 * Deletes notes for good, for example every note of a customer who was deleted.
 * Deleting notes that are already gone changes nothing.
 *
 * @example
 * await deleteCustomerNotesWorkflow(container).run({ input: { customer_ids: ["cus_123"] } })
 */
export const deleteCustomerNotesWorkflow = createWorkflow(
  deleteCustomerNotesWorkflowId,
  (input: WorkflowData<DeleteCustomerNotesWorkflowInput>) => {
    const deletedIds = deleteCustomerNotesStep(input)
    const events = transform({ deletedIds }, ({ deletedIds }) => deletedIds.map((id) => ({ id })))
    emitEventStep({ eventName: CrmEvents.CUSTOMER_NOTE_DELETED, data: events })
    return new WorkflowResponse(deletedIds)
  }
)

/** One note of one customer. */
export type DeleteCustomerNoteWorkflowInput = {
  customer_id: string
  id: string
}

export const deleteCustomerNoteWorkflowId = "delete-customer-note"

/**
 * Deletes one manual note of a customer (404 when the note is not theirs, 400 for system notes).
 *
 * @example
 * await deleteCustomerNoteWorkflow(req.scope).run({ input: { customer_id: "cus_123", id: "cnote_123" } })
 */
export const deleteCustomerNoteWorkflow = createWorkflow(
  deleteCustomerNoteWorkflowId,
  (input: WorkflowData<DeleteCustomerNoteWorkflowInput>) => {
    const validation = transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      note_id: input.id,
      deleting: true,
    }))
    validateCustomerNoteStep(validation)

    const selector = transform({ input }, ({ input }) => ({
      ids: [input.id],
      customer_ids: [input.customer_id],
    }))
    const deletedIds = deleteCustomerNotesStep(selector)
    const events = transform({ deletedIds }, ({ deletedIds }) => deletedIds.map((id) => ({ id })))
    emitEventStep({ eventName: CrmEvents.CUSTOMER_NOTE_DELETED, data: events })
    return new WorkflowResponse(deletedIds)
  }
)
