import { z } from "@medusajs/framework/zod"
import { membershipStatusesParam } from "../../../../utils/memberships"
import { createListParams, NoQueryParams } from "../../../../utils/validators"

/** The customer's memberships, held and shared with them; `status` filters. */
export const AdminGetCustomerMembershipsParams = createListParams({
  defaultLimit: 100,
  extra: { status: membershipStatusesParam() },
})
export type AdminGetCustomerMembershipsParamsType = z.infer<typeof AdminGetCustomerMembershipsParams>

/** One membership, or its card: no parameters. */
export const AdminGetCustomerMembershipParams = NoQueryParams
export type AdminGetCustomerMembershipParamsType = z.infer<typeof AdminGetCustomerMembershipParams>

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
export type AdminRenewMembershipType = z.infer<typeof AdminRenewMembership>

export const AdminCancelMembership = z.object({ at: z.enum(["now", "period_end"]).default("now") }).strict()
export type AdminCancelMembershipType = z.infer<typeof AdminCancelMembership>

export const AdminMembershipCustomer = z.object({ customer_id: z.string().min(1) }).strict()
export type AdminMembershipCustomerType = z.infer<typeof AdminMembershipCustomer>
