import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { LoyaltyHistoryParams } from "../../../../utils/loyalty"
import { AdminAdjustLoyaltyPoints, AdminLoyaltyEnrollment } from "./validators"

export const adminCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [validateAndTransformQuery(LoyaltyHistoryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [validateAndTransformBody(AdminAdjustLoyaltyPoints)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/enrollment",
    middlewares: [validateAndTransformBody(AdminLoyaltyEnrollment)],
  },
]
