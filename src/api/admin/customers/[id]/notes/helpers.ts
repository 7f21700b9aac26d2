import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../../../lib/errors"
import { type CustomerNote, NoteErrorCodes } from "../../../../../types/http/notes"
import { asHttp } from "../../../../utils/query-rows"

/** The note with the requested fields, or a 404 when it is not a note of that customer. */
export async function refetchCustomerNote(
  scope: MedusaContainer,
  customerId: string,
  noteId: string,
  fields: string[]
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [note],
  } = await query.graph({
    entity: "customer_note",
    fields,
    filters: { id: noteId, customer_id: customerId },
  })
  if (!note) {
    throw crmError(
      MedusaError.Types.NOT_FOUND, NoteErrorCodes.NOTE_NOT_FOUND,
      `Note with id: ${noteId} was not found on customer ${customerId}`
    )
  }
  return asHttp<CustomerNote>(note)
}
