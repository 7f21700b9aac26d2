import { z } from "@medusajs/framework/zod"

const date = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
  message: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time",
})

export const AdminAssignMembership = z
  .object({ plan_id: z.string().min(1), starts_at: date.nullish(), expires_at: date.nullish() })
  .strict()
export type AdminAssignMembershipType = z.infer<typeof AdminAssignMembership>

export const AdminEditMembershipExpiration = z.object({ expires_at: date.nullable() }).strict()
export type AdminEditMembershipExpirationType = z.infer<typeof AdminEditMembershipExpiration>

export const AdminRenewMembership = z.object({}).strict()

export const AdminCancelMembership = z.object({ at: z.enum(["now", "period_end"]).default("now") }).strict()
export type AdminCancelMembershipType = z.infer<typeof AdminCancelMembership>

export const AdminMembershipCustomer = z.object({ customer_id: z.string().min(1) }).strict()
export type AdminMembershipCustomerType = z.infer<typeof AdminMembershipCustomer>
