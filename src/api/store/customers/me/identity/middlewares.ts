import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { StoreConfirmClaim, StoreRequestClaim } from "./validators"

export const storeCustomerIdentityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/customers/me/identity/claims",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreRequestClaim)],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/identity/claims/:claim_id",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/identity/claims/:claim_id/confirm",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreConfirmClaim)],
  },
]
