import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { createPlanSchema, updatePlanSchema } from "../../../../lib/membership"
import { createListParams, NoQueryParams } from "../../../utils/validators"

export const AdminListMembershipPlans = createListParams({
  defaultLimit: 50,
  maxLimit: 200,
  extra: { q: z.string().trim().max(200).optional() },
})
export type AdminListMembershipPlansType = z.infer<typeof AdminListMembershipPlans>

export const adminMembershipPlansMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/membership-plans",
    middlewares: [validateAndTransformQuery(AdminListMembershipPlans, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/membership-plans",
    middlewares: [validateAndTransformBody(createPlanSchema)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/membership-plans/:plan_id",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/membership-plans/:plan_id",
    middlewares: [validateAndTransformBody(updatePlanSchema)],
  },
]
