import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { withErrorCode } from "../../../../utils/validators"
import { AdminChangeConsent, AdminCustomerConsentsParams } from "./validators"

const INVALID = PrivacyErrorCodes.INVALID_DATA
const noQuery = withErrorCode(validateAndTransformQuery(AdminCustomerConsentsParams, {}), INVALID)

/** A customer's consents and their log. */
export const adminCustomerConsentsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/consents",
    middlewares: [noQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/consents",
    middlewares: [withErrorCode(validateAndTransformBody(AdminChangeConsent), INVALID), noQuery],
  },
]
