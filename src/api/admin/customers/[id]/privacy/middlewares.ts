import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { withErrorCode } from "../../../../utils/validators"
import {
  AdminAnonymizeCustomer,
  AdminCustomerPrivacyParams,
  AdminDeleteCustomer,
  AdminSetLegalHold,
} from "./validators"

const noQuery = withErrorCode(validateAndTransformQuery(AdminCustomerPrivacyParams, {}), PrivacyErrorCodes.INVALID_DATA)

export const adminCustomerPrivacyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/privacy",
    middlewares: [noQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/privacy/legal-hold",
    middlewares: [withErrorCode(validateAndTransformBody(AdminSetLegalHold), PrivacyErrorCodes.INVALID_DATA), noQuery],
  },
  {
    methods: ["DELETE"],
    matcher: "/admin/customers/:id/privacy/legal-hold",
    middlewares: [noQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/privacy/anonymize",
    middlewares: [withErrorCode(validateAndTransformBody(AdminAnonymizeCustomer), PrivacyErrorCodes.INVALID_DATA), noQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/privacy/delete",
    middlewares: [withErrorCode(validateAndTransformBody(AdminDeleteCustomer), PrivacyErrorCodes.INVALID_DATA), noQuery],
  },
  // The data export (a download; no parameters).
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/privacy/export",
    middlewares: [noQuery],
  },
]
