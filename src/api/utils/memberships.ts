import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { publicName } from "../../lib/membership"
import {
  MEMBERSHIP_MODULE,
  MEMBERSHIP_STATUSES,
  type MembershipModuleService,
  type MembershipStatus,
} from "../../modules/membership"

const PERSON = ["id", "email", "first_name", "last_name"]

const PLAN_FIELDS = [
  "id",
  "name",
  "description",
  "level",
  "duration_unit",
  "duration_value",
  "customer_group_id",
  "variant_id",
  "max_shares",
  "reminder_days",
  "created_at",
  "updated_at",
]

const MEMBERSHIP_FIELDS = [
  "id",
  "number",
  "status",
  "starts_at",
  "expires_at",
  "cancel_at_period_end",
  "cancelled_at",
  "source",
  "order_id",
  "customer_id",
  "created_at",
  ...PERSON.map((f) => `customer.${f}`),
  ...PLAN_FIELDS.map((f) => `plan.${f}`),
  "shares.id",
  "shares.customer_id",
  "shares.created_at",
  ...PERSON.map((f) => `shares.customer.${f}`),
]

export const MembershipStatusParams = z
  .object({
    status: z
      .string()
      .optional()
      .refine(
        (value) => !value || value.split(",").every((s) => (MEMBERSHIP_STATUSES as readonly string[]).includes(s)),
        { message: `status must be a comma list of ${MEMBERSHIP_STATUSES.join(", ")}` }
      ),
  })
  .strict()
export type MembershipStatusParamsType = z.infer<typeof MembershipStatusParams>

type Person = { id: string; email: string | null; first_name: string | null; last_name: string | null }

type MembershipRow = {
  id: string
  customer_id: string
  customer?: Person | null
  status: string
  expires_at: string | Date | null
  shares?: { id: string; customer_id: string; created_at: string; customer?: Person | null }[]
  [field: string]: unknown
}

export const personName = (person?: Person | null) =>
  [person?.first_name, person?.last_name].filter(Boolean).join(" ") || person?.email || "Member"

const STATUS_ORDER: Record<string, number> = { active: 0, expired: 1, cancelled: 2 }

function format(row: MembershipRow, customerId?: string) {
  const { customer, shares, ...rest } = row
  return {
    ...rest,
    holder: customer ?? null,
    shares: (shares ?? []).map(({ customer: c, ...share }) => ({ ...share, customer: c ?? null })),
    ...(customerId ? { role: row.customer_id === customerId ? "holder" : "co_member" } : {}),
  }
}

type CustomerMembership = ReturnType<typeof format>

/**
 * A membership as its customer sees it in the store: their own details in full, everyone else
 * (the holder, other co-members) as `{ id, name }` with `publicName`, never an e-mail. A co-member
 * does not see the holder's order either.
 */
export function forStoreCustomer(membership: CustomerMembership, customerId: string) {
  const person = (p: Person | null) => (!p || p.id === customerId ? p : { id: p.id, name: publicName(p) })
  return {
    ...membership,
    order_id: membership.customer_id === customerId ? ((membership as Record<string, unknown>).order_id ?? null) : null,
    holder: person(membership.holder),
    shares: membership.shares.map((share) => ({ ...share, customer: person(share.customer) })),
  }
}

/**
 * A customer's memberships, held and shared with them: active first, then by expiry (latest first).
 */
export async function listCustomerMemberships(
  scope: MedusaContainer,
  customerId: string,
  statuses?: MembershipStatus[]
) {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const shared = await service.listMembershipShares({ customer_id: customerId }, { select: ["membership_id"] })
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = new Set<string>()
  const { data: held } = await query.graph({
    entity: "membership",
    fields: ["id"],
    filters: { customer_id: customerId },
  })
  for (const m of [...held, ...shared.map((s) => ({ id: (s as any).membership_id }))]) {
    ids.add(m.id)
  }
  if (!ids.size) {
    return []
  }
  const { data } = await query.graph({
    entity: "membership",
    fields: MEMBERSHIP_FIELDS,
    filters: { id: [...ids], ...(statuses?.length ? { status: statuses } : {}) },
  })
  return (data as MembershipRow[])
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        new Date(b.expires_at ?? "9999-12-31").getTime() - new Date(a.expires_at ?? "9999-12-31").getTime()
    )
    .map((m) => format(m, customerId))
}

/**
 * One membership of the customer (held or shared), or a 404. With no customer: any membership,
 * without `role`.
 */
export async function getCustomerMembership(scope: MedusaContainer, customerId: string | null, membershipId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "membership",
    fields: MEMBERSHIP_FIELDS,
    filters: { id: membershipId },
  })
  const row = data[0] as MembershipRow | undefined
  if (!row || (customerId && row.customer_id !== customerId && !row.shares?.some((s) => s.customer_id === customerId))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Membership with id: ${membershipId} was not found`)
  }
  return format(row, customerId ?? undefined)
}

/** The membership's history, newest first. */
export async function membershipHistory(scope: MedusaContainer, membershipId: string) {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  return await service.listMembershipEvents(
    { membership_id: membershipId },
    {
      select: ["id", "type", "actor_type", "actor_id", "data", "created_at"],
      order: { created_at: "DESC" },
    }
  )
}

/** Plans with their active and total member counts (one grouped query). */
export async function plansWithCounts(scope: MedusaContainer, plans: { id: string }[]) {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const counts = await service.countMembershipsByPlan(plans.map((p) => p.id))
  return plans.map((p) => ({ ...p, ...counts[p.id] }))
}

export const PLAN_READ_FIELDS = [...PLAN_FIELDS, "customer_group.id", "customer_group.name"]
