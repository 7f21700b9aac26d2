import type {
  DurationUnit,
  MembershipActorType,
  MembershipEventType,
  MembershipSource,
  MembershipStatus,
} from "../../../modules/membership"
import type { BenefitSource, GroupPair } from "../benefit-groups"
import type { SystemNote } from "../record-system-notes"

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

export type MembershipActionName = MembershipAction["action"]

/** The input of one action. */
export type MembershipActionInput<A extends MembershipActionName> = Extract<MembershipAction, { action: A }>

export type NewMembership = {
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

export type MembershipUpdate = {
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

export type Plan = {
  id: string
  name: string
  duration_unit: DurationUnit
  duration_value: number | null
  customer_group_id: string | null
  max_shares: number
  variant_id: string | null
}

export type Share = { id: string; customer_id: string; joined_group: boolean; card_version: number }

export type LoadedMembership = {
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
