import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CrmEvents } from "../lib/events"
import type { CustomerNoteKind } from "../modules/customer-note"
import { assertCustomerExistsStep, createCustomerNotesStep, unpinCustomerNotesStep } from "./steps"

/** The note to write. */
export type CreateCustomerNoteWorkflowInput = {
  customer_id: string
  body: string
  /** `manual` (default) for notes written by a person, `system` for notes written by the plugin. */
  kind?: CustomerNoteKind
  /** The admin user who wrote it; none for system notes. */
  author_id?: string | null
  /** Make it the customer's internal description (unpins the previous one). */
  pinned?: boolean
}

export const createCustomerNoteWorkflowId = "create-customer-note"

/**
 * Writes a note on a customer. Fails with a 404 when the customer does not exist.
 *
 * @example
 * const { result } = await createCustomerNoteWorkflow(req.scope).run({
 *   input: { customer_id: "cus_123", body: "Prefers aisle seats", author_id: "user_123" },
 * })
 */
export const createCustomerNoteWorkflow = createWorkflow(
  createCustomerNoteWorkflowId,
  (input: WorkflowData<CreateCustomerNoteWorkflowInput>) => {
    assertCustomerExistsStep(input.customer_id)

    when({ input }, ({ input }) => input.pinned === true).then(() => {
      unpinCustomerNotesStep({ customer_id: input.customer_id })
    })

    const data = transform({ input }, ({ input }) => [
      {
        customer_id: input.customer_id,
        body: input.body,
        kind: input.kind ?? "manual",
        author_id: input.author_id ?? null,
        pinned: input.pinned === true,
      },
    ])
    const notes = createCustomerNotesStep(data)

    const note = transform({ notes }, ({ notes }) => notes[0])
    const eventData = transform({ note }, ({ note }) => ({
      id: note.id,
      customer_id: note.customer_id,
      kind: note.kind,
    }))
    emitEventStep({ eventName: CrmEvents.CUSTOMER_NOTE_CREATED, data: eventData })

    return new WorkflowResponse(note)
  }
)
