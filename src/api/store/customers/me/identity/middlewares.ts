import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { IdentityClaimErrorCodes } from "../../../../../types/http/claims"
import { withErrorCode } from "../../../../utils/validators"
import { retrieveTransformQueryConfig } from "./query-config"
import { StoreConfirmClaim, StoreGetClaimParams, StoreRequestClaim } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = IdentityClaimErrorCodes.INVALID_DATA

export const storeCustomerIdentityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/customers/me/identity/claims",
    middlewares: [customer, withErrorCode(validateAndTransformBody(StoreRequestClaim), INVALID)],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/identity/claims/:claim_id",
    middlewares: [
      customer,
      withErrorCode(validateAndTransformQuery(StoreGetClaimParams, retrieveTransformQueryConfig), INVALID),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/identity/claims/:claim_id/confirm",
    middlewares: [customer, withErrorCode(validateAndTransformBody(StoreConfirmClaim), INVALID)],
  },
]
