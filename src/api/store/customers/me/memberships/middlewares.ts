import { authenticate, type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MembershipErrorCodes } from "../../../../../types/http/memberships"
import { withErrorCode } from "../../../../utils/validators"
import { listTransformQueryConfig, retrieveTransformQueryConfig } from "./query-config"
import {
  StoreGetMembershipCardParams,
  StoreGetMembershipParams,
  StoreGetMembershipsParams,
} from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = MembershipErrorCodes.INVALID_DATA

export const storeCustomerMembershipsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/memberships",
    middlewares: [
      customer,
      withErrorCode(validateAndTransformQuery(StoreGetMembershipsParams, listTransformQueryConfig), INVALID),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/memberships/:membership_id",
    middlewares: [
      customer,
      withErrorCode(validateAndTransformQuery(StoreGetMembershipParams, retrieveTransformQueryConfig), INVALID),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/memberships/:membership_id/card",
    middlewares: [customer, withErrorCode(validateAndTransformQuery(StoreGetMembershipCardParams, {}), INVALID)],
  },
]
