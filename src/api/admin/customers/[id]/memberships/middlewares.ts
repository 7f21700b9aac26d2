import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MembershipStatusParams } from "../../../../utils/memberships"
import { NoQueryParams } from "../../../../utils/validators"
import {
  AdminAssignMembership,
  AdminCancelMembership,
  AdminEditMembershipExpiration,
  AdminMembershipCustomer,
  AdminRenewMembership,
} from "./validators"

const BASE = "/admin/customers/:id/memberships"
const post = (path: string, schema: Parameters<typeof validateAndTransformBody>[0]): MiddlewareRoute => ({
  methods: ["POST"],
  matcher: `${BASE}${path}`,
  middlewares: [validateAndTransformBody(schema)],
})
const get = (path: string, schema = NoQueryParams): MiddlewareRoute => ({
  methods: ["GET"],
  matcher: `${BASE}${path}`,
  middlewares: [validateAndTransformQuery(schema, {})],
})

export const adminCustomerMembershipsMiddlewares: MiddlewareRoute[] = [
  get("", MembershipStatusParams as unknown as typeof NoQueryParams),
  post("", AdminAssignMembership),
  get("/:membership_id"),
  get("/:membership_id/card"),
  post("/:membership_id/expiration", AdminEditMembershipExpiration),
  post("/:membership_id/renew", AdminRenewMembership),
  post("/:membership_id/cancel", AdminCancelMembership),
  post("/:membership_id/gift", AdminMembershipCustomer),
  post("/:membership_id/shares", AdminMembershipCustomer),
]
