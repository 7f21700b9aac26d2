import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { withErrorCode } from "../../../../utils/validators"
import {
  AdminConsentPurposeParams,
  AdminConsentPurposesParams,
  AdminCreateConsentPurpose,
  AdminUpdateConsentPurpose,
} from "./validators"

const INVALID = PrivacyErrorCodes.INVALID_DATA
const noQuery = withErrorCode(validateAndTransformQuery(AdminConsentPurposeParams, {}), INVALID)

/** Customers › Privacy: consent purposes. */
export const adminConsentPurposesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/privacy/purposes",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminConsentPurposesParams, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/privacy/purposes",
    middlewares: [withErrorCode(validateAndTransformBody(AdminCreateConsentPurpose), INVALID), noQuery],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/privacy/purposes/:id",
    middlewares: [noQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/privacy/purposes/:id",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdateConsentPurpose), INVALID), noQuery],
  },
]
