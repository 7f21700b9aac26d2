import { authenticate, type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreConfirmClaim, StoreRequestClaim } from "./validators"

export const storeCustomerIdentityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/customers/me/identity/claims",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreRequestClaim)],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/identity/claims/:claim_id/confirm",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreConfirmClaim)],
  },
]
