import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { LoyaltyErrorCodes } from "../../../../types/http/loyalty"
import { withErrorCode } from "../../../utils/validators"
import { AdminGetLoyaltyProgramParams, AdminUpdateLoyaltyProgram } from "./validators"

export const adminLoyaltyProgramMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/loyalty",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminGetLoyaltyProgramParams, {}), LoyaltyErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/loyalty",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdateLoyaltyProgram), LoyaltyErrorCodes.INVALID_DATA)],
  },
]
