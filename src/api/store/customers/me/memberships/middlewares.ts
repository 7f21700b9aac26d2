import { authenticate, type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MembershipStatusParams } from "../../../../utils/memberships"
import { NoQueryParams } from "../../../../utils/validators"

export const storeCustomerMembershipsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/memberships",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(MembershipStatusParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/memberships/:membership_id/card",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(NoQueryParams, {})],
  },
]
