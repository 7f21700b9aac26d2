import { z } from "@medusajs/framework/zod"
import { createPlanSchema, updatePlanSchema } from "../../../../lib/membership"
import { createListParams, NoQueryParams } from "../../../utils/validators"

/** Plans by level then name; `q` searches the name. */
export const AdminGetMembershipPlansParams = createListParams({
  defaultLimit: 50,
  maxLimit: 200,
  extra: { q: z.string().trim().max(200).optional() },
})
export type AdminGetMembershipPlansParamsType = z.infer<typeof AdminGetMembershipPlansParams>

export const AdminGetMembershipPlanParams = NoQueryParams
export type AdminGetMembershipPlanParamsType = z.infer<typeof AdminGetMembershipPlanParams>

/** The limits are `MEMBERSHIP_PLAN_LIMITS` of the HTTP contract. */
export const AdminCreateMembershipPlan = createPlanSchema
export type AdminCreateMembershipPlanType = z.infer<typeof AdminCreateMembershipPlan>

export const AdminUpdateMembershipPlan = updatePlanSchema
export type AdminUpdateMembershipPlanType = z.infer<typeof AdminUpdateMembershipPlan>
