import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MembershipErrorCodes } from "../../../../types/http/memberships"
import { withErrorCode } from "../../../utils/validators"
import {
  AdminCreateMembershipPlan,
  AdminGetMembershipPlanParams,
  AdminGetMembershipPlansParams,
  AdminUpdateMembershipPlan,
} from "./validators"

const INVALID = MembershipErrorCodes.INVALID_DATA

export const adminMembershipPlansMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/membership-plans",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminGetMembershipPlansParams, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/membership-plans",
    middlewares: [withErrorCode(validateAndTransformBody(AdminCreateMembershipPlan), INVALID)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/membership-plans/:plan_id",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminGetMembershipPlanParams, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/membership-plans/:plan_id",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdateMembershipPlan), INVALID)],
  },
]
