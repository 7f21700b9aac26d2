import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomerNoteWorkflow } from "../../../../../workflows/create-customer-note"
import { refetchCustomerNote } from "./helpers"
import { actorUserId, assertCustomerExists } from "../../../../utils/customers"
import type {
  CreateCustomerNotePayload,
  CustomerNote,
  CustomerNoteListParams,
  CustomerNoteListResponse,
  CustomerNoteParams,
  CustomerNoteResponse,
} from "../../../../../types/http/notes"
import { asHttp } from "../../../../utils/query-rows"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, CustomerNoteListParams>,
  res: MedusaResponse<CustomerNoteListResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: notes, metadata } = await query.graph({
    entity: "customer_note",
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, customer_id: req.params.id },
    pagination: req.queryConfig.pagination,
  })
  res.json({
    notes: asHttp<CustomerNote[]>(notes),
    count: metadata?.count ?? notes.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? notes.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<CreateCustomerNotePayload, CustomerNoteParams>,
  res: MedusaResponse<CustomerNoteResponse>
) => {
  const { result } = await createCustomerNoteWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      body: req.validatedBody.body,
      pinned: req.validatedBody.pinned,
      kind: "manual",
      // A secret API key is not a person: only admin users are recorded as authors.
      author_id: actorUserId(req.auth_context),
    },
  })
  const note = await refetchCustomerNote(
    req.scope,
    req.params.id,
    result.id,
    req.queryConfig.fields
  )
  res.status(201).json({ note })
}
