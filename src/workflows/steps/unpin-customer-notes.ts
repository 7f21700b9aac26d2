import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"

export type UnpinCustomerNotesData = {
  customer_id: string
  /** The note that is about to be pinned: left alone. */
  except_id?: string
}

export const unpinCustomerNotesStepId = "unpin-customer-notes"

/**
 * A customer has at most one pinned note (their internal description): before pinning one,
 * unpin the others. Compensation pins them again.
 */
export const unpinCustomerNotesStep = createStep(
  unpinCustomerNotesStepId,
  async (data: UnpinCustomerNotesData, { container }) => {
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const pinned = await service.listCustomerNotes(
      { customer_id: data.customer_id, pinned: true },
      { select: ["id"] }
    )
    const ids = pinned.map((n) => n.id).filter((id) => id !== data.except_id)
    if (ids.length) {
      await service.updateCustomerNotes(ids.map((id) => ({ id, pinned: false })))
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    await service.updateCustomerNotes(ids.map((id) => ({ id, pinned: true })))
  }
)
