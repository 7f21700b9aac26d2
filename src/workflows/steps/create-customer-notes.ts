import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import type { CustomerNoteKind } from "../../modules/customer-note"

export type CreateCustomerNoteData = {
  customer_id: string
  body: string
  kind?: CustomerNoteKind
  author_id?: string | null
  pinned?: boolean
}

export const createCustomerNotesStepId = "create-customer-notes"

/**
 * Creates customer notes. Compensation deletes them again.
 */
export const createCustomerNotesStep = createStep(
  createCustomerNotesStepId,
  async (data: CreateCustomerNoteData[], { container }) => {
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const notes = await service.createCustomerNotes(data)
    return new StepResponse(
      notes,
      notes.map((n) => n.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    await service.deleteCustomerNotes(ids)
  }
)
