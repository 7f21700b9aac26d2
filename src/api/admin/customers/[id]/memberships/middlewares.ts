import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MembershipErrorCodes } from "../../../../../types/http/memberships"
import { withErrorCode } from "../../../../utils/validators"
import {
  AdminAssignMembership,
  AdminCancelMembership,
  AdminEditMembershipExpiration,
  AdminGetCustomerMembershipParams,
  AdminGetCustomerMembershipsParams,
  AdminMembershipCustomer,
  AdminRenewMembership,
} from "./validators"

const BASE = "/admin/customers/:id/memberships"
const INVALID = MembershipErrorCodes.INVALID_DATA

const post = (path: string, schema: Parameters<typeof validateAndTransformBody>[0]): MiddlewareRoute => ({
  methods: ["POST"],
  matcher: `${BASE}${path}`,
  middlewares: [withErrorCode(validateAndTransformBody(schema), INVALID)],
})

const get = (path: string, schema: Parameters<typeof validateAndTransformQuery>[0]): MiddlewareRoute => ({
  methods: ["GET"],
  matcher: `${BASE}${path}`,
  middlewares: [withErrorCode(validateAndTransformQuery(schema, {}), INVALID)],
})

export const adminCustomerMembershipsMiddlewares: MiddlewareRoute[] = [
  get("", AdminGetCustomerMembershipsParams),
  post("", AdminAssignMembership),
  get("/:membership_id", AdminGetCustomerMembershipParams),
  get("/:membership_id/card", AdminGetCustomerMembershipParams),
  post("/:membership_id/expiration", AdminEditMembershipExpiration),
  post("/:membership_id/renew", AdminRenewMembership),
  post("/:membership_id/cancel", AdminCancelMembership),
  post("/:membership_id/gift", AdminMembershipCustomer),
  post("/:membership_id/shares", AdminMembershipCustomer),
]
