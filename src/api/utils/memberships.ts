import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../lib/errors"
import { publicName } from "../../lib/membership"
import { z } from "@medusajs/framework/zod"
import { MEMBERSHIP_MODULE, MEMBERSHIP_STATUSES, type MembershipModuleService } from "../../modules/membership"
import {
  MembershipErrorCodes,
  type Membership,
  type MembershipBase,
  type MembershipCustomer,
  type MembershipEvent,
  type MembershipPlanFields,
  type MembershipPlanWithCounts,
  type MembershipStatus,
  type StoreMembership,
  type StoreMembershipPerson,
} from "../../types/http/memberships"

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

/** `status` of a membership list: a comma list of statuses, read as an array. */
export const membershipStatusesParam = () =>
  z
    .string()
    .refine((value) => !value || value.split(",").every((s) => (MEMBERSHIP_STATUSES as readonly string[]).includes(s)), {
      message: `status must be a comma list of ${MEMBERSHIP_STATUSES.join(", ")}`,
    })
    .transform((value) => value.split(",").filter((s): s is MembershipStatus => s.length > 0))
    .optional()

type Person = MembershipCustomer

/** A membership as Query reads it with `MEMBERSHIP_FIELDS`. */
type MembershipRow = {
  id: string
  number: string
  status: MembershipStatus
  starts_at: string | Date
  expires_at: string | Date | null
  cancel_at_period_end: boolean
  cancelled_at: string | Date | null
  source: MembershipBase["source"]
  order_id: string | null
  customer_id: string
  created_at: string | Date
  customer?: Person | null
  plan: Omit<MembershipPlanFields, "created_at" | "updated_at"> & { created_at: string | Date; updated_at: string | Date }
  shares?: { id: string; customer_id: string; created_at: string | Date; customer?: Person | null }[]
}

const iso = (date: string | Date) => new Date(date).toISOString()
const isoOrNull = (date: string | Date | null | undefined) => (date ? iso(date) : null)

export const personName = (person?: Person | null) =>
  [person?.first_name, person?.last_name].filter(Boolean).join(" ") || person?.email || "Member"

const STATUS_ORDER: Record<string, number> = { active: 0, expired: 1, cancelled: 2 }

function format(row: MembershipRow): MembershipBase {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    starts_at: iso(row.starts_at),
    expires_at: isoOrNull(row.expires_at),
    cancel_at_period_end: row.cancel_at_period_end,
    cancelled_at: isoOrNull(row.cancelled_at),
    source: row.source,
    order_id: row.order_id ?? null,
    customer_id: row.customer_id,
    created_at: iso(row.created_at),
    plan: { ...row.plan, created_at: iso(row.plan.created_at), updated_at: iso(row.plan.updated_at) },
    holder: row.customer ?? null,
    shares: (row.shares ?? []).map(({ customer, ...share }) => ({
      ...share,
      created_at: iso(share.created_at),
      customer: customer ?? null,
    })),
  }
}

/** The membership with the customer's part in it. */
const withRole = (membership: MembershipBase, customerId: string): Membership => ({
  ...membership,
  role: membership.customer_id === customerId ? "holder" : "co_member",
})

/**
 * A membership as its customer sees it in the store: their own details in full, everyone else
 * (the holder, other co-members) as `{ id, name }` with `publicName`, never an e-mail. A co-member
 * does not see the holder's order either.
 */
export function forStoreCustomer(membership: Membership, customerId: string): StoreMembership {
  const person = (p: Person | null): Person | StoreMembershipPerson | null =>
    !p || p.id === customerId ? p : { id: p.id, name: publicName(p) }
  return {
    ...membership,
    order_id: membership.customer_id === customerId ? membership.order_id : null,
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
): Promise<Membership[]> {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const shared = await service.listMembershipShares({ customer_id: customerId }, { select: ["membership_id"] })
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = new Set<string>()
  const { data: held } = await query.graph({
    entity: "membership",
    fields: ["id"],
    filters: { customer_id: customerId },
  })
  for (const id of [...held.map((m) => m.id), ...shared.map((share) => share.membership_id)]) {
    ids.add(id)
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
    .map((m) => withRole(format(m), customerId))
}

/** One membership of the customer (held or shared), or a 404. */
export async function getCustomerMembership(
  scope: MedusaContainer,
  customerId: string,
  membershipId: string
): Promise<Membership> {
  return withRole(await getMembership(scope, membershipId, customerId), customerId)
}

/** One membership, or a 404; with `customerId`, only if the customer holds or shares it. */
export async function getMembership(
  scope: MedusaContainer,
  membershipId: string,
  customerId?: string
): Promise<MembershipBase> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "membership",
    fields: MEMBERSHIP_FIELDS,
    filters: { id: membershipId },
  })
  const row = data[0] as MembershipRow | undefined
  if (!row || (customerId && row.customer_id !== customerId && !row.shares?.some((s) => s.customer_id === customerId))) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      MembershipErrorCodes.MEMBERSHIP_NOT_FOUND,
      `Membership with id: ${membershipId} was not found`
    )
  }
  return format(row)
}

/** The membership's history, newest first. */
export async function membershipHistory(scope: MedusaContainer, membershipId: string): Promise<MembershipEvent[]> {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const events = await service.listMembershipEvents(
    { membership_id: membershipId },
    {
      select: ["id", "type", "actor_type", "actor_id", "data", "created_at"],
      order: { created_at: "DESC" },
    }
  )
  return events.map((event) => ({
    id: event.id,
    type: event.type,
    actor_type: event.actor_type,
    actor_id: event.actor_id ?? null,
    data: event.data ?? null,
    created_at: iso(event.created_at),
  }))
}

/** A plan as Query reads it with `PLAN_READ_FIELDS`. */
export type PlanRow = MembershipRow["plan"] & { customer_group?: { id: string; name: string } | null }

/** Plans with their active and total member counts (one grouped query). */
export async function plansWithCounts(scope: MedusaContainer, plans: PlanRow[]): Promise<MembershipPlanWithCounts[]> {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const counts = await service.countMembershipsByPlan(plans.map((p) => p.id))
  return plans.map((p) => ({
    ...p,
    customer_group: p.customer_group ?? null,
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
    ...(counts[p.id] ?? { active_count: 0, member_count: 0 }),
  }))
}

export const PLAN_READ_FIELDS = [...PLAN_FIELDS, "customer_group.id", "customer_group.name"]
