import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { withErrorCode } from "../../../../utils/validators"
import { AdminPrivacySettingsParams, AdminUpdatePrivacySettings } from "./validators"

export const adminPrivacySettingsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/privacy/settings",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminPrivacySettingsParams, {}), PrivacyErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/privacy/settings",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdatePrivacySettings), PrivacyErrorCodes.INVALID_DATA)],
  },
]
