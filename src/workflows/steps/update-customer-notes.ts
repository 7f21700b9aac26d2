import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"

export type UpdateCustomerNoteData = {
  id: string
  body?: string
  pinned?: boolean
}

export const updateCustomerNotesStepId = "update-customer-notes"

/**
 * Updates notes by id. Compensation restores the body and pinned flag they had before.
 * Unpinning runs before pinning so the one-pinned-note-per-customer index never sees two.
 */
export const updateCustomerNotesStep = createStep(
  updateCustomerNotesStepId,
  async (data: UpdateCustomerNoteData[], { container }) => {
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    if (!data.length) {
      return new StepResponse([], [])
    }
    const previous = await service.listCustomerNotes(
      { id: data.map((d) => d.id) },
      { select: ["id", "body", "pinned"] }
    )
    const ordered = [...data].sort((a, b) => Number(a.pinned === true) - Number(b.pinned === true))
    const updated = await service.updateCustomerNotes(ordered)
    return new StepResponse(
      updated,
      previous.map((p) => ({ id: p.id, body: p.body, pinned: p.pinned }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const ordered = [...previous].sort((a, b) => Number(a.pinned) - Number(b.pinned))
    await service.updateCustomerNotes(ordered)
  }
)
