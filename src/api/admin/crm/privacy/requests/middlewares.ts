import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { withErrorCode } from "../../../../utils/validators"
import { AdminListPrivacyRequests } from "./validators"

/** The store-wide privacy requests log. */
export const adminPrivacyRequestsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/privacy/requests",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminListPrivacyRequests, {}), PrivacyErrorCodes.INVALID_DATA),
    ],
  },
]
