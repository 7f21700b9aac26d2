import { z } from "@medusajs/framework/zod"
import {
  LOYALTY_ADJUSTMENT_REASON_MAX_LENGTH,
  LOYALTY_MAX_POINTS,
} from "../../../../../types/http/loyalty"
import { createListParams } from "../../../../utils/validators"

/** One page of the customer's history, newest first. */
export const AdminGetCustomerLoyaltyParams = createListParams()
export type AdminGetCustomerLoyaltyParamsType = z.infer<typeof AdminGetCustomerLoyaltyParams>

export type AdminAdjustLoyaltyPointsType = z.infer<typeof AdminAdjustLoyaltyPoints>
export const AdminAdjustLoyaltyPoints = z
  .object({
    points: z
      .number()
      .int({ message: "points must be a whole number" })
      .min(-LOYALTY_MAX_POINTS)
      .max(LOYALTY_MAX_POINTS)
      .refine((points) => points !== 0, { message: "points must not be 0" }),
    reason: z
      .string({ message: "A reason is required" })
      .trim()
      .min(1, { message: "A reason is required" })
      .max(LOYALTY_ADJUSTMENT_REASON_MAX_LENGTH),
  })
  .strict()

export type AdminLoyaltyEnrollmentType = z.infer<typeof AdminLoyaltyEnrollment>
export const AdminLoyaltyEnrollment = z.object({ enrolled: z.boolean() }).strict()
