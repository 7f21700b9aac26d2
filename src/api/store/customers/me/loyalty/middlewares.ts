import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { LoyaltyHistoryParams } from "../../../../utils/loyalty"

export const storeCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/loyalty",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformQuery(LoyaltyHistoryParams, {}),
    ],
  },
]
