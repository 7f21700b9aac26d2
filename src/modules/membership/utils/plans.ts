import { z } from "@medusajs/framework/zod"

const planFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullish(),
  level: z.number().int().min(0).max(1000),
  duration_unit: z.enum(["day", "month", "year", "lifetime"]),
  duration_value: z.number().int().min(1).max(1200).nullish(),
  customer_group_id: z.string().min(1).nullish(),
  variant_id: z.string().min(1).nullish(),
  max_shares: z.number().int().min(0).max(20),
  reminder_days: z.number().int().min(0).max(365),
}

const durationIsComplete = (plan: { duration_unit?: string; duration_value?: number | null }) =>
  plan.duration_unit === undefined ||
  plan.duration_unit === "lifetime" ||
  (plan.duration_value !== undefined && plan.duration_value !== null)

export const createPlanSchema = z
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
export type CreatePlanInput = z.infer<typeof createPlanSchema>

export const updatePlanSchema = z
  .object(planFields)
  .partial()
  .strict()
  .refine(durationIsComplete, {
    message: "duration_value is required with duration_unit unless it is lifetime",
    path: ["duration_value"],
  })
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>
