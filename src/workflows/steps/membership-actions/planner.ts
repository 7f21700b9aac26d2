import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../lib/errors"
import type { CrmEventName } from "../../../lib/events"
import { MEMBERSHIP_MODULE, type MembershipEventType, type MembershipModuleService, type MembershipSource } from "../../../modules/membership"
import { heldOrSharedBy, type MembershipRefusal, newMembershipNumber, statusAtStart } from "../../../modules/membership/utils"
import { MembershipErrorCodes as Codes, type MembershipErrorCode } from "../../../types/http/memberships"
import type { BenefitSource } from "../benefit-groups"
import type {
  BenefitJoin,
  LoadedMembership,
  MembershipActionInput,
  MembershipActionName,
  MembershipActor,
  MembershipChange,
  MembershipUpdate,
  NewMembership,
  Plan,
} from "./types"
import type { SystemNoteEvent } from "../../../types/http/notes"

/** 400 with the rule's code and message when a rule refuses. */
export function refuse(refusal: MembershipRefusal | null) {
  if (refusal) {
    throw crmError(MedusaError.Types.NOT_ALLOWED, refusal.code, refusal.message)
  }
}

export const notFound = (code: MembershipErrorCode, message: string) => crmError(MedusaError.Types.NOT_FOUND, code, message)

const PLAN_FIELDS = ["plan.id", "plan.name", "plan.duration_unit", "plan.duration_value", "plan.customer_group_id", "plan.max_shares", "plan.variant_id"]
export const MEMBERSHIP_FIELDS = ["id", "number", "customer_id", "status", "starts_at", "expires_at", "cancel_at_period_end", "joined_group", "card_version", ...PLAN_FIELDS, "shares.id", "shares.customer_id", "shares.joined_group", "shares.card_version"]

export const normalize = (m: any): LoadedMembership => ({
  ...m,
  starts_at: new Date(m.starts_at),
  expires_at: m.expires_at ? new Date(m.expires_at) : null,
  shares: m.shares ?? [],
})

/** Sources of the benefit group that end when the membership stops being active. */
export const activeSources = (m: LoadedMembership): BenefitSource[] => [
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

/**
 * What an action reads and the change it builds up: actions load through it and record what they
 * change (records, benefit groups, history, notes, events) without writing anything.
 */
export class MembershipPlanner {
  readonly change: MembershipChange = {
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
  }

  /** The action's moment: every date it compares or sets. */
  readonly now = new Date()

  readonly service: MembershipModuleService

  constructor(readonly container: any) {
    this.service = container.resolve(MEMBERSHIP_MODULE)
  }

  /** Several memberships in one query (the expiry job's page). */
  async memberships(ids: string[]) {
    const rows = await this.service.listMemberships(
      { id: ids },
      { relations: ["plan", "shares"], select: MEMBERSHIP_FIELDS }
    )
    return rows.map(normalize)
  }

  /** One membership; scoped to a customer, 404 unless they hold it or share it. */
  async membership(id: string, customerId?: string) {
    const [m] = await this.service.listMemberships(
      { id },
      { relations: ["plan", "shares"], select: MEMBERSHIP_FIELDS }
    )
    const loaded = m ? normalize(m) : null
    if (!loaded || (customerId && !heldOrSharedBy(loaded, customerId))) {
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

  /** An order with the given fields, or undefined. */
  async order(id: string, fields: string[]) {
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields, filters: { id } })
    return data[0] as any
  }

  async plan(id: string) {
    const [plan] = await this.service.listMembershipPlans({ id })
    if (!plan) {
      throw notFound(Codes.PLAN_NOT_FOUND, `Membership plan with id: ${id} was not found`)
    }
    return plan as unknown as Plan
  }

  event(m: { id: string }, type: MembershipEventType, actor: MembershipActor, data: Record<string, unknown>, lineItemId?: string) {
    this.change.events.push({ membership_id: m.id, type, actor_type: actor.type, actor_id: actor.id ?? null, line_item_id: lineItemId ?? null, data })
  }

  /** A line on the customer's timeline: `body` in English, `event` as data for the reader's language. */
  note(customerId: string, body: string, actor: MembershipActor, event: SystemNoteEvent) {
    this.change.notes.push({ customer_id: customerId, body, event, author_id: actor.type === "admin" ? actor.id ?? null : null })
  }

  /** The membership is about to emit `name` (once per membership) and the route reads it back. */
  touched(name: CrmEventName, m: { id: string; customer_id: string }) {
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
      status: statusAtStart(expiresAt, new Date()),
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

/**
 * One action: it checks the input against the rules (404/400) and records its change on the
 * planner, like the order module's change actions (`validate`, then `operation`).
 */
export type MembershipActionHandler<A extends MembershipActionName> = (
  planner: MembershipPlanner,
  input: MembershipActionInput<A>
) => Promise<void>

/** The actions by name: the compiler checks that every action has one. */
export type MembershipActionMap = { [A in MembershipActionName]: MembershipActionHandler<A> }
