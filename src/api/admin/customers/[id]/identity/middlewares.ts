import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import {
  AdminAddAlternateEmail,
  AdminArchiveCustomer,
  AdminLinkAccount,
  AdminMergeCustomers,
  AdminMergePreviewQuery,
  AdminRestoreCustomer,
  AdminUndoMerge,
} from "./validators"

export const adminCustomerIdentityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/identity",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/emails",
    middlewares: [validateAndTransformBody(AdminAddAlternateEmail)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/archive",
    middlewares: [validateAndTransformBody(AdminArchiveCustomer)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/restore",
    middlewares: [validateAndTransformBody(AdminRestoreCustomer)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/identity/merge-preview",
    middlewares: [validateAndTransformQuery(AdminMergePreviewQuery, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/merge",
    middlewares: [validateAndTransformBody(AdminMergeCustomers)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/link",
    middlewares: [validateAndTransformBody(AdminLinkAccount)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/merges/:merge_id/undo",
    middlewares: [validateAndTransformBody(AdminUndoMerge)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/merges/:merge_id/relink",
    middlewares: [validateAndTransformBody(AdminLinkAccount)],
  },
]
