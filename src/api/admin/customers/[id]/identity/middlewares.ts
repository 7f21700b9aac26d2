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
import { IdentityErrorCodes } from "../../../../../types/http/identity"
import { withErrorCode } from "../../../../utils/validators"

export const adminCustomerIdentityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/identity",
    middlewares: [withErrorCode(validateAndTransformQuery(NoQueryParams, {}), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/emails",
    middlewares: [withErrorCode(validateAndTransformBody(AdminAddAlternateEmail), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/archive",
    middlewares: [withErrorCode(validateAndTransformBody(AdminArchiveCustomer), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/restore",
    middlewares: [withErrorCode(validateAndTransformBody(AdminRestoreCustomer), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/identity/merge-preview",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminMergePreviewQuery, {}), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/merge",
    middlewares: [withErrorCode(validateAndTransformBody(AdminMergeCustomers), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/link",
    middlewares: [withErrorCode(validateAndTransformBody(AdminLinkAccount), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/merges/:merge_id/undo",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUndoMerge), IdentityErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/merges/:merge_id/relink",
    middlewares: [withErrorCode(validateAndTransformBody(AdminLinkAccount), IdentityErrorCodes.INVALID_DATA)],
  },
]
