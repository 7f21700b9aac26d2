import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { withErrorCode } from "../../../../utils/validators"
import { NoteErrorCodes } from "../../../../../types/http/notes"
import {
  listTransformQueryConfig,
  retrieveTransformQueryConfig,
} from "./query-config"
import {
  AdminCreateCustomerNote,
  AdminCustomerNoteParams,
  AdminCustomerNotesParams,
  AdminEmailCustomerNote,
  AdminUpdateCustomerNote,
} from "./validators"

export const adminCustomerNotesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/notes",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminCustomerNotesParams, listTransformQueryConfig), NoteErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/notes",
    middlewares: [
      withErrorCode(validateAndTransformBody(AdminCreateCustomerNote), NoteErrorCodes.INVALID_DATA),
      withErrorCode(validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig), NoteErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig), NoteErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      withErrorCode(validateAndTransformBody(AdminUpdateCustomerNote), NoteErrorCodes.INVALID_DATA),
      withErrorCode(validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig), NoteErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/notes/:note_id/email",
    middlewares: [
      withErrorCode(validateAndTransformBody(AdminEmailCustomerNote), NoteErrorCodes.INVALID_DATA),
      withErrorCode(validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig), NoteErrorCodes.INVALID_DATA),
    ],
  },
]
