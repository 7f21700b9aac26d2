import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { LoyaltyErrorCodes } from "../../../../../types/http/loyalty"
import { withErrorCode } from "../../../../utils/validators"
import { retrieveTransformQueryConfig } from "./query-config"
import { StoreGetCustomerLoyaltyParams } from "./validators"

export const storeCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/loyalty",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      withErrorCode(
        validateAndTransformQuery(StoreGetCustomerLoyaltyParams, retrieveTransformQueryConfig),
        LoyaltyErrorCodes.INVALID_DATA
      ),
    ],
  },
]
