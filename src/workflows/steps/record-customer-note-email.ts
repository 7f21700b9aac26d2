import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"

export type RecordCustomerNoteEmailStepInput = {
  note_id: string
  to: string
  sent_by_id: string | null
  notification_id: string | null
}

export const recordCustomerNoteEmailStepId = "record-customer-note-email"

/** Records that a note was e-mailed: when, to whom and by whom. Compensation deletes the record. */
export const recordCustomerNoteEmailStep = createStep(
  recordCustomerNoteEmailStepId,
  async (input: RecordCustomerNoteEmailStepInput, { container }) => {
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const email = await service.createCustomerNoteEmails({
      note_id: input.note_id,
      to: input.to,
      sent_by_id: input.sent_by_id,
      notification_id: input.notification_id,
    })
    return new StepResponse(email, email.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    await service.deleteCustomerNoteEmails(id)
  }
)
