import { z } from "@medusajs/framework/zod"

export const AdminVerifyMembershipCard = z
  .object({ code: z.string().trim().min(1, { message: "code is required" }).max(500) })
  .strict()
export type AdminVerifyMembershipCardType = z.infer<typeof AdminVerifyMembershipCard>
