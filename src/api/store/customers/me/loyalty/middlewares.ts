import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { LoyaltyErrorCodes } from "../../../../../lib/loyalty"
import { LoyaltyHistoryParams } from "../../../../utils/loyalty"
import { withErrorCode } from "../../../../utils/validators"

export const storeCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/loyalty",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      withErrorCode(validateAndTransformQuery(LoyaltyHistoryParams, {}), LoyaltyErrorCodes.INVALID_DATA),
    ],
  },
]
