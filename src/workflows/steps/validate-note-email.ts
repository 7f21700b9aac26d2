import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { NoteErrorCodes } from "../../types/http/notes"

export type ValidateNoteEmailStepInput = {
  customer_id: string
  note_id: string
  to?: string | null
}

export const validateNoteEmailStepId = "validate-note-email"

/**
 * Finds the note on that customer (404) and the address to send it to: the one given, or the
 * customer's e-mail (400 when they have none).
 */
export const validateNoteEmailStep = createStep(
  validateNoteEmailStepId,
  async (input: ValidateNoteEmailStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: notes }, { data: customers }] = await Promise.all([
      query.graph({
        entity: "customer_note",
        fields: ["id", "body", "kind"],
        filters: { id: input.note_id, customer_id: input.customer_id },
      }),
      query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name"],
        filters: { id: input.customer_id },
      }),
    ])
    if (!customers[0]) {
      throw crmError(
        MedusaError.Types.NOT_FOUND, NoteErrorCodes.CUSTOMER_NOT_FOUND,
        `Customer with id: ${input.customer_id} was not found`
      )
    }
    if (!notes[0]) {
      throw crmError(
        MedusaError.Types.NOT_FOUND, NoteErrorCodes.NOTE_NOT_FOUND,
        `Note with id: ${input.note_id} was not found on customer ${input.customer_id}`
      )
    }
    const to = (input.to ?? customers[0].email ?? "").trim().toLowerCase()
    if (!to) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, NoteErrorCodes.CUSTOMER_EMAIL_MISSING,
        "This customer has no e-mail address; give one in `to`"
      )
    }
    return new StepResponse({
      to,
      body: notes[0].body as string,
      first_name: (customers[0].first_name as string | null) ?? null,
    })
  }
)
