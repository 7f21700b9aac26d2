import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emailCustomerNoteWorkflow } from "../../../../../../../workflows/email-customer-note"
import { actorUserId } from "../../../../../../utils/customers"
import { refetchCustomerNote } from "../../helpers"
import type {
  CustomerNoteEmailPayload,
  CustomerNoteParams,
  CustomerNoteResponse,
} from "../../../../../../../types/http/notes"

/** POST /admin/customers/:id/notes/:note_id/email: sends the note to the customer. */
export const POST = async (
  req: AuthenticatedMedusaRequest<CustomerNoteEmailPayload, CustomerNoteParams>,
  res: MedusaResponse<CustomerNoteResponse>
) => {
  await emailCustomerNoteWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      note_id: req.params.note_id,
      to: req.validatedBody.to,
      subject: req.validatedBody.subject,
      actor_id: actorUserId(req.auth_context),
    },
  })
  const note = await refetchCustomerNote(req.scope, req.params.id, req.params.note_id, req.queryConfig.fields)
  res.json({ note })
}
