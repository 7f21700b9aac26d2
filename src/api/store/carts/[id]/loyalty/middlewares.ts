import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { RedeemPoints } from "../../../../utils/loyalty"
import { NoQueryParams } from "../../../../utils/validators"

// Points belong to a logged-in customer: a guest cart has none to spend.
const customerOnly = authenticate("customer", ["session", "bearer"])

export const storeCartLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET", "DELETE"],
    matcher: "/store/carts/:id/loyalty",
    middlewares: [customerOnly, validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/loyalty",
    middlewares: [customerOnly, validateAndTransformBody(RedeemPoints)],
  },
]
