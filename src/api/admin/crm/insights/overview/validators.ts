import { z } from "@medusajs/framework/zod"
import type { InsightsOverviewParams } from "../../../../../types/http/insights"
import { queryInteger } from "../../../../utils/validators"

export const AdminInsightsOverviewParams = z
  .object({
    currency_code: z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter currency code")
      .transform((v) => v.toLowerCase())
      .optional(),
    months: queryInteger(1, 24).default(12),
    at_risk_days: z
      .enum(["90", "180", "365"], { message: "at_risk_days must be 90, 180 or 365" })
      .transform((v) => Number(v) as 90 | 180 | 365)
      .default(90),
    limit: queryInteger(1, 50).default(10),
  })
  .strict()
// What the route reads: the contract's parameters with their defaults applied.
export type AdminInsightsOverviewParamsType = z.infer<typeof AdminInsightsOverviewParams> &
  Required<Omit<InsightsOverviewParams, "currency_code">>
