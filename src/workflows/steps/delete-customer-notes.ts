import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"

export type DeleteCustomerNotesData = {
  ids?: string[]
  customer_ids?: string[]
}

export const deleteCustomerNotesStepId = "delete-customer-notes"

/**
 * Deletes notes for good (they can hold personal data), by id or by customer.
 * Compensation re-creates them with their ids, authors and dates.
 */
export const deleteCustomerNotesStep = createStep(
  deleteCustomerNotesStepId,
  async (data: DeleteCustomerNotesData, { container }) => {
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const filters: Record<string, string[]> = {}
    if (data.ids?.length) {
      filters.id = data.ids
    }
    if (data.customer_ids?.length) {
      filters.customer_id = data.customer_ids
    }
    if (!Object.keys(filters).length) {
      return new StepResponse([] as string[], [])
    }
    const notes = await service.listCustomerNotes(filters)
    if (notes.length) {
      await service.deleteCustomerNotes(notes.map((n) => n.id))
    }
    return new StepResponse(
      notes.map((n) => n.id),
      notes
    )
  },
  async (notes, { container }) => {
    if (!notes?.length) {
      return
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    await service.createCustomerNotes(
      notes.map((n) => ({
        id: n.id,
        customer_id: n.customer_id,
        body: n.body,
        event: n.event ?? null,
        kind: n.kind,
        author_id: n.author_id,
        pinned: n.pinned,
        created_at: n.created_at,
        updated_at: n.updated_at,
      }))
    )
  }
)
