import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import { crmError } from "../../lib/errors"
import { NoteErrorCodes } from "../../types/http/notes"

export type ValidateCustomerNoteData = {
  customer_id: string
  note_id: string
  /** Whether the change edits the note's body (system notes are a record and stay as written). */
  edits_body?: boolean
  /** Whether the note is being deleted (system notes cannot be deleted by hand). */
  deleting?: boolean
}

export const validateCustomerNoteStepId = "validate-customer-note"

/**
 * Checks that the note exists on that customer (404 otherwise) and that a system note is not
 * rewritten or deleted by hand (400).
 */
export const validateCustomerNoteStep = createStep(
  validateCustomerNoteStepId,
  async (data: ValidateCustomerNoteData, { container }) => {
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const [note] = await service.listCustomerNotes(
      { id: data.note_id, customer_id: data.customer_id },
      { select: ["id", "kind"] }
    )
    if (!note) {
      throw crmError(
        MedusaError.Types.NOT_FOUND, NoteErrorCodes.NOTE_NOT_FOUND,
        `Note with id: ${data.note_id} was not found on customer ${data.customer_id}`
      )
    }
    if (note.kind === "system" && (data.edits_body || data.deleting)) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED, NoteErrorCodes.SYSTEM_NOTE_READ_ONLY,
        `System notes are a record of what happened and cannot be ${data.deleting ? "deleted" : "edited"}`
      )
    }
  }
)
