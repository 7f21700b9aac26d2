import { z } from "@medusajs/framework/zod"
import { MAX_POINTS } from "../../../../../lib/loyalty"

export type AdminAdjustLoyaltyPointsType = z.infer<typeof AdminAdjustLoyaltyPoints>
export const AdminAdjustLoyaltyPoints = z
  .object({
    points: z
      .number()
      .int({ message: "points must be a whole number" })
      .min(-MAX_POINTS)
      .max(MAX_POINTS)
      .refine((points) => points !== 0, { message: "points must not be 0" }),
    reason: z.string({ message: "A reason is required" })
      .trim()
      .min(1, { message: "A reason is required" })
      .max(500),
  })
  .strict()

export type AdminLoyaltyEnrollmentType = z.infer<typeof AdminLoyaltyEnrollment>
export const AdminLoyaltyEnrollment = z.object({ enrolled: z.boolean() }).strict()
