import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
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
      validateAndTransformQuery(AdminCustomerNotesParams, listTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/notes",
    middlewares: [
      validateAndTransformBody(AdminCreateCustomerNote),
      validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      validateAndTransformBody(AdminUpdateCustomerNote),
      validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/notes/:note_id/email",
    middlewares: [
      validateAndTransformBody(AdminEmailCustomerNote),
      validateAndTransformQuery(AdminCustomerNoteParams, retrieveTransformQueryConfig),
    ],
  },
]
