import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { deleteCustomerNoteWorkflow } from "../../../../../../workflows/delete-customer-notes"
import { updateCustomerNoteWorkflow } from "../../../../../../workflows/update-customer-note"
import { refetchCustomerNote } from "../helpers"
import type {
  CustomerNoteDeleteResponse,
  CustomerNoteParams,
  CustomerNoteResponse,
  UpdateCustomerNotePayload,
} from "../../../../../../types/http/notes"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, CustomerNoteParams>,
  res: MedusaResponse<CustomerNoteResponse>
) => {
  const note = await refetchCustomerNote(
    req.scope,
    req.params.id,
    req.params.note_id,
    req.queryConfig.fields
  )
  res.json({ note })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateCustomerNotePayload, CustomerNoteParams>,
  res: MedusaResponse<CustomerNoteResponse>
) => {
  await updateCustomerNoteWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      id: req.params.note_id,
      body: req.validatedBody.body,
      pinned: req.validatedBody.pinned,
    },
  })
  const note = await refetchCustomerNote(
    req.scope,
    req.params.id,
    req.params.note_id,
    req.queryConfig.fields
  )
  res.json({ note })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<CustomerNoteDeleteResponse>
) => {
  await deleteCustomerNoteWorkflow(req.scope).run({
    input: { customer_id: req.params.id, id: req.params.note_id },
  })
  res.json({ id: req.params.note_id, object: "customer_note", deleted: true })
}
