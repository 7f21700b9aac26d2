import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { LoyaltyErrorCodes } from "../../../../../types/http/loyalty"
import { withErrorCode } from "../../../../utils/validators"
import {
  AdminAdjustLoyaltyPoints,
  AdminGetCustomerLoyaltyParams,
  AdminLoyaltyEnrollment,
} from "./validators"

const INVALID = LoyaltyErrorCodes.INVALID_DATA

export const adminCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminGetCustomerLoyaltyParams, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [withErrorCode(validateAndTransformBody(AdminAdjustLoyaltyPoints), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/enrollment",
    middlewares: [withErrorCode(validateAndTransformBody(AdminLoyaltyEnrollment), INVALID)],
  },
]
