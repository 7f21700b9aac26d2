import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { addDuration, newMembershipNumber } from "../../lib/membership"
import { membershipLineRefunds } from "../../lib/membership-refunds"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import {
  MEMBERSHIP_MODULE,
  type DurationUnit,
  type MembershipActorType,
  type MembershipEventType,
  type MembershipModuleService,
  type MembershipSource,
  type MembershipStatus,
} from "../../modules/membership"
import { MembershipErrorCodes as Codes, type MembershipErrorCode } from "../../types/http/memberships"
import type { BenefitSource, GroupPair } from "./benefit-groups"
import type { SystemNote } from "./record-system-notes"

export type MembershipActor = { type: MembershipActorType; id?: string | null }

/** What one membership action asks for. `customer_id` (admin routes) scopes it to that customer. */
export type MembershipAction =
  | { action: "assign"; customer_id: string; plan_id: string; starts_at?: string | Date | null; expires_at?: string | Date | null; actor: MembershipActor }
  | { action: "edit_expiration"; membership_id: string; customer_id?: string; expires_at: string | Date | null; actor: MembershipActor }
  | { action: "renew"; membership_id: string; customer_id?: string; actor: MembershipActor }
  | { action: "cancel"; membership_id: string; customer_id?: string; at: "now" | "period_end"; actor: MembershipActor }
  | { action: "gift"; membership_id: string; customer_id?: string; to_customer_id: string; actor: MembershipActor }
  | { action: "share"; membership_id: string; customer_id?: string; share_customer_id: string; actor: MembershipActor }
  | { action: "unshare"; membership_id: string; customer_id?: string; share_customer_id: string; actor: MembershipActor }
  | { action: "expire"; membership_ids: string[]; now: string | Date }
  | { action: "purchase"; order_id: string }
  | { action: "revoke_purchase"; order_id: string }
  | { action: "refund_purchase"; order_id: string }

type NewMembership = {
  id: string
  number: string
  plan_id: string
  customer_id: string
  status: MembershipStatus
  starts_at: Date
  expires_at: Date | null
  source: MembershipSource
  order_id: string | null
}

type MembershipUpdate = {
  id: string
  customer_id?: string
  status?: MembershipStatus
  expires_at?: Date | null
  cancel_at_period_end?: boolean
  cancelled_at?: Date | null
  joined_group?: boolean
  reminded_for?: Date | null
  card_version?: number
}

export type NewMembershipEvent = {
  membership_id: string
  type: MembershipEventType
  actor_type: MembershipActorType
  actor_id: string | null
  line_item_id?: string | null
  data: Record<string, unknown>
}

/** Who should join a benefit group, and which membership or share records having put them there. */
export type BenefitJoin = GroupPair & { kind: "membership" | "share"; id: string }

/** Everything an action changes, worked out before anything is written. */
export type MembershipChange = {
  create: NewMembership[]
  update: MembershipUpdate[]
  create_shares: { id: string; membership_id: string; customer_id: string }[]
  delete_shares: string[]
  /** New card versions of co-members: their earlier card codes check as replaced. */
  update_shares: { id: string; card_version: number }[]
  release: BenefitSource[]
  join: BenefitJoin[]
  events: NewMembershipEvent[]
  notes: SystemNote[]
  /** The events to emit: one per kind of change, each with the memberships it is about (ids only). */
  emit: { name: string; data: { id: string; customer_id: string }[] }[]
  /** The memberships the action touched (the route reads them back). */
  membership_ids: string[]
}

type Plan = {
  id: string
  name: string
  duration_unit: DurationUnit
  duration_value: number | null
  customer_group_id: string | null
  max_shares: number
  variant_id: string | null
}

type Share = { id: string; customer_id: string; joined_group: boolean; card_version: number }

type LoadedMembership = {
  id: string
  number: string
  customer_id: string
  status: MembershipStatus
  starts_at: Date
  expires_at: Date | null
  cancel_at_period_end: boolean
  joined_group: boolean
  card_version: number
  plan: Plan
  shares: Share[]
}

const EMPTY = (): MembershipChange => ({
  create: [],
  update: [],
  create_shares: [],
  delete_shares: [],
  update_shares: [],
  release: [],
  join: [],
  events: [],
  notes: [],
  emit: [],
  membership_ids: [],
})

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never (lifetime)")
const label = (m: { number: string; plan: { name: string } }) => `${m.plan.name} (${m.number})`
const bad = (code: MembershipErrorCode, message: string) => crmError(MedusaError.Types.NOT_ALLOWED, code, message)
const notFound = (code: MembershipErrorCode, message: string) => crmError(MedusaError.Types.NOT_FOUND, code, message)
const toDate = (value: string | Date) => new Date(value)

const PLAN_FIELDS = ["plan.id", "plan.name", "plan.duration_unit", "plan.duration_value", "plan.customer_group_id", "plan.max_shares", "plan.variant_id"]
const MEMBERSHIP_FIELDS = ["id", "number", "customer_id", "status", "starts_at", "expires_at", "cancel_at_period_end", "joined_group", "card_version", ...PLAN_FIELDS, "shares.id", "shares.customer_id", "shares.joined_group", "shares.card_version"]

const normalize = (m: any): LoadedMembership => ({
  ...m,
  starts_at: new Date(m.starts_at),
  expires_at: m.expires_at ? new Date(m.expires_at) : null,
  shares: m.shares ?? [],
})

/** Sources of the benefit group that end when the membership stops being active. */
const activeSources = (m: LoadedMembership): BenefitSource[] => [
  { kind: "membership", id: m.id, customer_id: m.customer_id, customer_group_id: m.plan.customer_group_id, joined_group: m.joined_group },
  ...m.shares.map((s) => ({ kind: "share" as const, id: s.id, customer_id: s.customer_id, customer_group_id: m.plan.customer_group_id, joined_group: s.joined_group })),
]

/** Who joins the benefit group when the membership becomes active. */
const activeJoins = (m: LoadedMembership): BenefitJoin[] =>
  m.plan.customer_group_id
    ? [
        { kind: "membership", id: m.id, customer_id: m.customer_id, customer_group_id: m.plan.customer_group_id },
        ...m.shares.map((s) => ({ kind: "share" as const, id: s.id, customer_id: s.customer_id, customer_group_id: m.plan.customer_group_id! })),
      ]
    : []

class Planner {
  readonly change = EMPTY()

  constructor(
    private readonly container: any,
    private readonly service: MembershipModuleService
  ) {}

  /** Several memberships in one query (the expiry job's page). */
  async memberships(ids: string[]) {
    const rows = await this.service.listMemberships(
      { id: ids },
      { relations: ["plan", "shares"], select: MEMBERSHIP_FIELDS }
    )
    return rows.map(normalize)
  }

  async membership(id: string, customerId?: string) {
    const [m] = await this.service.listMemberships(
      { id },
      { relations: ["plan", "shares"], select: MEMBERSHIP_FIELDS }
    )
    const loaded = m ? normalize(m) : null
    // Scoped to a customer: theirs when they hold it or share it.
    if (!loaded || (customerId && loaded.customer_id !== customerId && !loaded.shares.some((s) => s.customer_id === customerId))) {
      throw notFound(Codes.MEMBERSHIP_NOT_FOUND, `Membership with id: ${id} was not found`)
    }
    return loaded
  }

  async customerName(id: string) {
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id } })
    if (!data[0]) {
      throw notFound(Codes.CUSTOMER_NOT_FOUND, `Customer with id: ${id} was not found`)
    }
    return data[0] as { id: string; email: string | null }
  }

  event(m: { id: string }, type: MembershipEventType, actor: MembershipActor, data: Record<string, unknown>, lineItemId?: string) {
    this.change.events.push({ membership_id: m.id, type, actor_type: actor.type, actor_id: actor.id ?? null, line_item_id: lineItemId ?? null, data })
  }

  note(customerId: string, body: string, actor: MembershipActor) {
    this.change.notes.push({ customer_id: customerId, body, author_id: actor.type === "admin" ? actor.id ?? null : null })
  }

  touched(name: string, m: { id: string; customer_id: string }) {
    let emit = this.change.emit.find((e) => e.name === name)
    if (!emit) {
      emit = { name, data: [] }
      this.change.emit.push(emit)
    }
    if (!emit.data.some((d) => d.id === m.id)) {
      emit.data.push({ id: m.id, customer_id: m.customer_id })
    }
    if (!this.change.membership_ids.includes(m.id)) {
      this.change.membership_ids.push(m.id)
    }
  }

  async newMembership(plan: Plan, customerId: string, startsAt: Date, expiresAt: Date | null, source: MembershipSource, orderId: string | null) {
    // The unique index has the last word; a clash in 850 billion is retried here first.
    let number = newMembershipNumber()
    while ((await this.service.listMemberships({ number }, { select: ["id"] })).length) {
      number = newMembershipNumber()
    }
    const created: NewMembership = {
      id: generateEntityId(undefined, "mship"),
      number,
      plan_id: plan.id,
      customer_id: customerId,
      status: expiresAt && expiresAt <= new Date() ? "expired" : "active",
      starts_at: startsAt,
      expires_at: expiresAt,
      source,
      order_id: orderId,
    }
    this.change.create.push(created)
    if (created.status === "active" && plan.customer_group_id) {
      this.change.join.push({ kind: "membership", id: created.id, customer_id: customerId, customer_group_id: plan.customer_group_id })
    }
    return created
  }

  async plan(id: string) {
    const [plan] = await this.service.listMembershipPlans({ id })
    if (!plan) {
      throw notFound(Codes.PLAN_NOT_FOUND, `Membership plan with id: ${id} was not found`)
    }
    return plan as unknown as Plan
  }

  deactivate(m: LoadedMembership, update: MembershipUpdate) {
    if (update.status === "cancelled") {
      // Every card of a cancelled membership is replaced: none of the earlier codes is current.
      update = { ...update, card_version: m.card_version + 1 }
      this.change.update_shares.push(...m.shares.map((s) => ({ id: s.id, card_version: s.card_version + 1 })))
    }
    this.change.update.push(update)
    if (m.status === "active") {
      this.change.release.push(...activeSources(m))
    }
  }

  reactivate(m: LoadedMembership, update: MembershipUpdate) {
    this.change.update.push(m.status === "active" ? update : { ...update, status: "active" })
    if (m.status !== "active") {
      // Joining sets each record's flag again: on where it added the customer, off where not.
      this.change.join.push(...activeJoins(m))
    }
  }
}

async function plan(container: any, input: MembershipAction): Promise<MembershipChange> {
  const service: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const p = new Planner(container, service)
  const now = new Date()

  switch (input.action) {
    case "assign": {
      await p.customerName(input.customer_id)
      const plan = await p.plan(input.plan_id)
      const startsAt = input.starts_at ? toDate(input.starts_at) : now
      const expiresAt = input.expires_at ? toDate(input.expires_at) : addDuration(startsAt, plan.duration_unit, plan.duration_value)
      if (expiresAt && expiresAt <= startsAt) {
        throw bad(Codes.EXPIRY_BEFORE_START, "The expiry must be after the start")
      }
      const m = await p.newMembership(plan, input.customer_id, startsAt, expiresAt, "admin", null)
      p.event(m, "created", input.actor, { plan_id: plan.id, starts_at: startsAt, expires_at: expiresAt })
      p.note(m.customer_id, `Membership ${plan.name} (${m.number}) assigned, valid until ${day(expiresAt)}`, input.actor)
      p.touched("membership.created", m)
      break
    }
    case "edit_expiration": {
      const m = await p.membership(input.membership_id, input.customer_id)
      if (m.status === "cancelled") {
        throw bad(Codes.MEMBERSHIP_CANCELLED, "A cancelled membership cannot be changed")
      }
      const expiresAt = input.expires_at ? toDate(input.expires_at) : null
      if (expiresAt && expiresAt <= m.starts_at) {
        throw bad(Codes.EXPIRY_BEFORE_START, `The expiry must be after the start (${day(m.starts_at)})`)
      }
      const update = { id: m.id, expires_at: expiresAt, reminded_for: null }
      if (expiresAt && expiresAt <= now) {
        p.deactivate(m, { ...update, status: "expired" })
      } else {
        p.reactivate(m, update)
      }
      p.event(m, "expiration_edited", input.actor, { from: m.expires_at, to: expiresAt })
      p.note(m.customer_id, `Membership ${label(m)}: expiry changed from ${day(m.expires_at)} to ${day(expiresAt)}`, input.actor)
      p.touched("membership.expiration_edited", m)
      break
    }
    case "renew": {
      const m = await p.membership(input.membership_id, input.customer_id)
      if (m.status === "cancelled") {
        throw bad(Codes.MEMBERSHIP_CANCELLED, "A cancelled membership cannot be renewed")
      }
      if (m.plan.duration_unit === "lifetime" || !m.expires_at) {
        throw bad(Codes.MEMBERSHIP_LIFETIME, "A lifetime membership does not expire and cannot be renewed")
      }
      const from = m.expires_at > now ? m.expires_at : now
      const expiresAt = addDuration(from, m.plan.duration_unit, m.plan.duration_value)
      p.reactivate(m, { id: m.id, expires_at: expiresAt, cancel_at_period_end: false, reminded_for: null })
      p.event(m, "renewed", input.actor, { from: m.expires_at, to: expiresAt })
      p.note(m.customer_id, `Membership ${label(m)} renewed until ${day(expiresAt)}`, input.actor)
      p.touched("membership.renewed", m)
      break
    }
    case "cancel": {
      const m = await p.membership(input.membership_id, input.customer_id)
      if (m.status !== "active") {
        throw bad(Codes.MEMBERSHIP_NOT_ACTIVE, `Only an active membership can be cancelled; this one is ${m.status}`)
      }
      if (input.at === "period_end") {
        if (!m.expires_at) {
          throw bad(Codes.MEMBERSHIP_LIFETIME, "A lifetime membership has no period end: cancel it now")
        }
        p.change.update.push({ id: m.id, cancel_at_period_end: true })
        p.event(m, "cancel_scheduled", input.actor, { at: m.expires_at })
        p.note(m.customer_id, `Membership ${label(m)} will be cancelled on ${day(m.expires_at)}`, input.actor)
        p.touched("membership.cancel_scheduled", m)
      } else {
        p.deactivate(m, { id: m.id, status: "cancelled", cancelled_at: now })
        p.event(m, "cancelled", input.actor, {})
        p.note(m.customer_id, `Membership ${label(m)} cancelled`, input.actor)
        p.touched("membership.cancelled", m)
      }
      break
    }
    case "gift": {
      const m = await p.membership(input.membership_id, input.customer_id)
      if (input.to_customer_id === m.customer_id) {
        throw bad(Codes.ALREADY_HOLDER, "The membership already belongs to this customer")
      }
      if (m.status !== "active") {
        throw bad(Codes.MEMBERSHIP_NOT_ACTIVE, `Only an active membership can be given away; this one is ${m.status}`)
      }
      if (m.shares.some((s) => s.customer_id === input.to_customer_id)) {
        throw bad(Codes.ALREADY_CO_MEMBER, "The customer is a co-member of this membership: remove them as co-member first")
      }
      await p.customerName(input.to_customer_id)
      // A new card version: the giver's card checks as replaced, the receiver gets a card of their own.
      p.change.update.push({ id: m.id, customer_id: input.to_customer_id, card_version: m.card_version + 1 })
      p.change.release.push(activeSources(m)[0])
      if (m.plan.customer_group_id) {
        p.change.join.push({ kind: "membership", id: m.id, customer_id: input.to_customer_id, customer_group_id: m.plan.customer_group_id })
      }
      p.event(m, "gifted", input.actor, { from_customer_id: m.customer_id, to_customer_id: input.to_customer_id })
      p.note(m.customer_id, `Membership ${label(m)} given to another customer`, input.actor)
      p.note(input.to_customer_id, `Membership ${label(m)} received as a gift, valid until ${day(m.expires_at)}`, input.actor)
      p.touched("membership.gifted", { id: m.id, customer_id: input.to_customer_id })
      break
    }
    case "share": {
      const m = await p.membership(input.membership_id, input.customer_id)
      if (m.status !== "active") {
        throw bad(Codes.MEMBERSHIP_NOT_ACTIVE, `Only an active membership can be shared; this one is ${m.status}`)
      }
      if (input.share_customer_id === m.customer_id) {
        throw bad(Codes.ALREADY_HOLDER, "The holder cannot be a co-member of their own membership")
      }
      if (m.shares.some((s) => s.customer_id === input.share_customer_id)) {
        throw bad(Codes.ALREADY_CO_MEMBER, "The customer already shares this membership")
      }
      if (m.shares.length >= m.plan.max_shares) {
        throw bad(
          Codes.SHARE_LIMIT_REACHED,
          m.plan.max_shares
            ? `${m.plan.name} can be shared with ${m.plan.max_shares} ${m.plan.max_shares === 1 ? "person" : "people"} at most`
            : `${m.plan.name} cannot be shared`
        )
      }
      await p.customerName(input.share_customer_id)
      const share = { id: generateEntityId(undefined, "mshare"), membership_id: m.id, customer_id: input.share_customer_id }
      p.change.create_shares.push(share)
      if (m.plan.customer_group_id) {
        p.change.join.push({ kind: "share", id: share.id, customer_id: share.customer_id, customer_group_id: m.plan.customer_group_id })
      }
      p.event(m, "shared", input.actor, { customer_id: input.share_customer_id })
      p.note(m.customer_id, `Membership ${label(m)} shared with another customer`, input.actor)
      p.note(input.share_customer_id, `Added as co-member of membership ${label(m)}`, input.actor)
      p.touched("membership.shared", m)
      break
    }
    case "unshare": {
      const m = await p.membership(input.membership_id, input.customer_id)
      const share = m.shares.find((s) => s.customer_id === input.share_customer_id)
      if (!share) {
        throw notFound(Codes.NOT_A_CO_MEMBER, `Customer ${input.share_customer_id} does not share membership ${m.number}`)
      }
      p.change.delete_shares.push(share.id)
      p.change.update_shares.push({ id: share.id, card_version: share.card_version + 1 })
      if (m.status === "active") {
        p.change.release.push({ kind: "share", id: share.id, customer_id: share.customer_id, customer_group_id: m.plan.customer_group_id, joined_group: share.joined_group })
      }
      p.event(m, "unshared", input.actor, { customer_id: share.customer_id })
      p.note(m.customer_id, `Co-member removed from membership ${label(m)}`, input.actor)
      p.note(share.customer_id, `No longer a co-member of membership ${label(m)}`, input.actor)
      p.touched("membership.unshared", m)
      break
    }
    case "expire": {
      const at = toDate(input.now)
      const system: MembershipActor = { type: "system" }
      for (const m of await p.memberships(input.membership_ids)) {
        // Someone renewed or cancelled it meanwhile: nothing to do.
        if (m.status !== "active" || !m.expires_at || m.expires_at > at) {
          continue
        }
        const status = m.cancel_at_period_end ? "cancelled" : "expired"
        p.deactivate(m, { id: m.id, status, ...(status === "cancelled" ? { cancelled_at: at } : {}) })
        p.event(m, status, system, { expires_at: m.expires_at })
        p.note(m.customer_id, `Membership ${label(m)} ${status === "cancelled" ? "cancelled at the end of its period" : "expired"}`, system)
        p.touched("membership.expired", m)
      }
      break
    }
    case "purchase":
      await planPurchase(p, service, container, input.order_id)
      break
    case "revoke_purchase":
      await planRevokePurchase(p, service, container, input.order_id)
      break
    case "refund_purchase":
      await planRefundedPurchase(p, service, container, input.order_id)
      break
  }
  return p.change
}

/**
 * An order line with a plan's variant: a new membership, or the customer's active one of that
 * plan renewed, by as many periods as the line's quantity. A line that already did so (its event
 * carries the line id) is skipped, so the same order twice changes nothing.
 */
async function planPurchase(p: Planner, service: MembershipModuleService, container: any, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id", "status", "created_at", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: orderId },
  })
  const order = data[0] as any
  if (!order?.customer_id || order.status === "canceled") {
    return
  }
  const items = (order.items ?? []).filter((i: any) => i.variant_id)
  const plans = items.length
    ? ((await service.listMembershipPlans({ variant_id: items.map((i: any) => i.variant_id) })) as unknown as Plan[])
    : []
  if (!plans.length) {
    return
  }
  const done = new Set(
    (await service.listMembershipEvents({ line_item_id: items.map((i: any) => i.id) }, { select: ["line_item_id"] })).map(
      (e) => e.line_item_id
    )
  )
  const actor: MembershipActor = { type: "customer", id: order.customer_id }
  for (const item of items) {
    const plan = plans.find((pl) => pl.variant_id === item.variant_id)
    if (!plan || done.has(item.id)) {
      continue
    }
    const periods = Math.max(1, Number(item.quantity) || 1)
    const [active] = await service.listMemberships(
      { customer_id: order.customer_id, plan_id: plan.id, status: "active" },
      { relations: ["plan", "shares"], select: MEMBERSHIP_FIELDS, order: { expires_at: "DESC" } }
    )
    const current = active ? normalize(active) : null
    if (current && current.expires_at) {
      // From the later of the order's time and the current expiry (the order is "now" when it is placed).
      const placedAt = new Date(order.created_at)
      let expiresAt: Date | null = current.expires_at > placedAt ? current.expires_at : placedAt
      for (let i = 0; i < periods; i++) {
        expiresAt = addDuration(expiresAt!, plan.duration_unit, plan.duration_value)
      }
      p.change.update.push({ id: current.id, expires_at: expiresAt, cancel_at_period_end: false, reminded_for: null })
      p.event(current, "renewed", actor, { from: current.expires_at, to: expiresAt, order_id: order.id }, item.id)
      p.note(order.customer_id, `Membership ${label(current)} renewed until ${day(expiresAt)} (order #${order.display_id})`, actor)
      p.touched("membership.renewed", current)
      continue
    }
    const startsAt = new Date(order.created_at)
    let expiresAt: Date | null = startsAt
    for (let i = 0; i < periods && expiresAt; i++) {
      expiresAt = addDuration(expiresAt, plan.duration_unit, plan.duration_value)
    }
    const m = await p.newMembership(plan, order.customer_id, startsAt, expiresAt, "purchase", order.id)
    p.event(m, "created", actor, { plan_id: plan.id, order_id: order.id, periods }, item.id)
    p.note(order.customer_id, `Membership ${plan.name} (${m.number}) bought (order #${order.display_id}), valid until ${day(expiresAt)}`, actor)
    p.touched("membership.created", m)
  }
}

/**
 * A canceled order takes back what its lines bought: a membership it created is cancelled, a
 * renewal it made is rolled back to the expiry before it (ending the membership when that date has
 * passed). What was already taken back, or changed since, is left alone, so it runs once.
 */
async function planRevokePurchase(p: Planner, service: MembershipModuleService, container: any, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "items.id"],
    filters: { id: orderId },
  })
  const order = data[0] as any
  const lineIds = (order?.items ?? []).map((i: any) => i.id)
  if (!lineIds.length) {
    return
  }
  const bought = await service.listMembershipEvents(
    { line_item_id: lineIds, type: ["created", "renewed"] },
    { select: ["id", "type", "data", "membership_id"] }
  )
  for (const event of bought) {
    const m = await p.membership((event as any).membership_id)
    if (stillHeld(m, event)) {
      takeBackPurchase(p, m, event, order, "canceled")
    }
  }
}

type PurchaseEvent = { type: string; data?: Record<string, unknown> | null }

/**
 * What an order line bought is still there: the membership it created is active, or the renewal
 * it made is still the membership's expiry (nobody changed it since).
 */
function stillHeld(m: LoadedMembership, event: PurchaseEvent) {
  if (event.type === "created") {
    return m.status === "active"
  }
  const data = (event.data ?? {}) as { from?: string; to?: string }
  const renewedTo = data.to ? new Date(data.to).getTime() : null
  return m.status !== "cancelled" && !!m.expires_at && m.expires_at.getTime() === renewedTo && !!data.from
}

/**
 * Takes back what one order line bought, because the order was canceled or the line refunded: the
 * membership it created is cancelled, the renewal it made rolled back to the expiry before it
 * (ending the membership when that date has passed). Call it only when `stillHeld`.
 */
function takeBackPurchase(
  p: Planner,
  m: LoadedMembership,
  event: PurchaseEvent,
  order: { id: string; display_id: number },
  why: "canceled" | "refunded"
) {
  const system: MembershipActor = { type: "system" }
  const now = new Date()
  const reason = `order_${why}`
  if (event.type === "created") {
    p.deactivate(m, { id: m.id, status: "cancelled", cancelled_at: now })
    p.event(m, "cancelled", system, { order_id: order.id, reason })
    p.note(m.customer_id, `Membership ${label(m)} cancelled: order #${order.display_id} was ${why}`, system)
    p.touched("membership.cancelled", m)
    return
  }
  const back = new Date(((event.data ?? {}) as { from: string }).from)
  const update = { id: m.id, expires_at: back, reminded_for: null }
  if (back <= now) {
    p.deactivate(m, { ...update, status: "expired" })
  } else {
    p.change.update.push(update)
  }
  p.event(m, "expiration_edited", system, { from: m.expires_at, to: back, order_id: order.id, reason })
  p.note(m.customer_id, `Membership ${label(m)}: renewal taken back, order #${order.display_id} was ${why} (now valid until ${day(back)})`, system)
  p.touched("membership.expiration_edited", m)
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount)

/**
 * A refund of an order that bought memberships: every membership line the order's refunds cover
 * (all refunds together, counted as `membershipLineRefunds` explains) is taken back as on a
 * cancel. A line they do not cover keeps its membership, and its holder's timeline says how much
 * of it was refunded, once per refunded amount. So the same event twice changes nothing, and two
 * partial refunds that together cover the line take it back on the second.
 */
async function planRefundedPurchase(p: Planner, service: MembershipModuleService, container: any, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "currency_code",
      // An order-level total makes the order module compute the lines' totals too.
      "total",
      "items.id",
      "items.total",
      "items.detail.return_requested_quantity",
      "items.detail.return_received_quantity",
      "items.detail.return_dismissed_quantity",
      "shipping_methods.total",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as any
  const items: any[] = order?.items ?? []
  if (!items.length) {
    return
  }
  const bought = await service.listMembershipEvents(
    { line_item_id: items.map((i) => i.id), type: ["created", "renewed"] },
    { select: ["id", "type", "data", "membership_id", "line_item_id"] }
  )
  const refunded = (order.payment_collections ?? [])
    .flatMap((pc: any) => pc?.payments ?? [])
    .flatMap((pay: any) => pay?.refunds ?? [])
    .reduce((sum: number, r: any) => sum + Number(r.amount), 0)
  if (!bought.length || refunded <= 0) {
    return
  }
  const membershipLines = new Set(bought.map((e) => e.line_item_id))
  const returned = (i: any) =>
    Number(i.detail?.return_requested_quantity ?? 0) + Number(i.detail?.return_received_quantity ?? 0) + Number(i.detail?.return_dismissed_quantity ?? 0) > 0
  const lines = membershipLineRefunds(
    refunded,
    items.map((i) => ({ id: i.id, total: Number(i.total ?? 0), returned: returned(i), membership: membershipLines.has(i.id) })),
    (order.shipping_methods ?? []).reduce((sum: number, s: any) => sum + Number(s?.total ?? 0), 0)
  )
  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  for (const event of bought) {
    const line = lines.find((l) => l.line_id === event.line_item_id)!
    const m = await p.membership((event as any).membership_id)
    if (!stillHeld(m, event)) {
      continue
    }
    if (line.covered) {
      takeBackPurchase(p, m, event, order, "refunded")
      continue
    }
    const currency = order.currency_code
    const body =
      line.refunded === refunded
        ? `Membership ${label(m)} kept: order #${order.display_id} refunded ${money(refunded, currency)} of the ${money(line.total, currency)} it cost`
        : `Membership ${label(m)} kept: order #${order.display_id} refunded ${money(refunded, currency)}, of which ${money(line.refunded, currency)} counts toward the membership's ${money(line.total, currency)} (the order's other items first)`
    // Once per refunded amount: the note is the record that this refund was seen.
    const [seen] = await notes.listCustomerNotes({ customer_id: m.customer_id, kind: "system", body }, { select: ["id"], take: 1 })
    if (!seen) {
      p.note(m.customer_id, body, { type: "system" })
    }
  }
}

export const prepareMembershipChangeStepId = "prepare-membership-change"

/**
 * Checks a membership action and works out everything it changes (records, benefit groups,
 * history, timeline notes) without writing anything: 404 for an unknown membership, plan or
 * customer (or a membership that is not the customer's), 400 for what the action does not allow.
 */
export const prepareMembershipChangeStep = createStep(
  prepareMembershipChangeStepId,
  async (input: MembershipAction, { container }) => {
    return new StepResponse(await plan(container, input))
  }
)
