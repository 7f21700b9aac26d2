import { z } from "@medusajs/framework/zod"
import { MEMBERSHIP_PLAN_LIMITS as LIMITS } from "../../../../types/http/memberships"
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

const planFields = {
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  description: z.string().trim().max(LIMITS.descriptionMaxLength).nullish(),
  level: z.number().int().min(0).max(LIMITS.levelMax),
  duration_unit: z.enum(["day", "month", "year", "lifetime"]),
  duration_value: z.number().int().min(1).max(LIMITS.durationValueMax).nullish(),
  customer_group_id: z.string().min(1).nullish(),
  variant_id: z.string().min(1).nullish(),
  max_shares: z.number().int().min(0).max(LIMITS.maxShares),
  reminder_days: z.number().int().min(0).max(LIMITS.reminderDays),
}

const durationIsComplete = (plan: { duration_unit?: string; duration_value?: number | null }) =>
  plan.duration_unit === undefined ||
  plan.duration_unit === "lifetime" ||
  (plan.duration_value !== undefined && plan.duration_value !== null)

const createPlanSchema = z
  .object({
    ...planFields,
    max_shares: planFields.max_shares.default(0),
    reminder_days: planFields.reminder_days.default(14),
  })
  .strict()
  .refine(durationIsComplete, {
    message: "duration_value is required unless duration_unit is lifetime",
    path: ["duration_value"],
  })

const updatePlanSchema = z
  .object(planFields)
  .partial()
  .strict()
  .refine(durationIsComplete, {
    message: "duration_value is required with duration_unit unless it is lifetime",
    path: ["duration_value"],
  })

/** The limits are `MEMBERSHIP_PLAN_LIMITS` of the HTTP contract. */
export const AdminCreateMembershipPlan = createPlanSchema
export type AdminCreateMembershipPlanType = z.infer<typeof AdminCreateMembershipPlan>

export const AdminUpdateMembershipPlan = updatePlanSchema
export type AdminUpdateMembershipPlanType = z.infer<typeof AdminUpdateMembershipPlan>
