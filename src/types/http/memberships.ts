/**
 * The membership routes' contract: `/admin/crm/membership-plans/**`, `/admin/crm/memberships/**`,
 * `/admin/customers/:id/memberships/**` and `/store/customers/me/memberships/**`.
 */
import type { CrmFindParams, CrmPaginatedResponse } from "./common"

/** The limits of a membership plan's fields, as the plan routes check them. */
export const MEMBERSHIP_PLAN_LIMITS = {
  nameMaxLength: 120,
  descriptionMaxLength: 2_000,
  levelMax: 1_000,
  durationValueMax: 1_200,
  maxShares: 20,
  reminderDays: 365,
} as const

/** The longest name of a door scanner key. */
export const MEMBERSHIP_SCANNER_KEY_NAME_MAX_LENGTH = 100

/**
 * The stable `code` of every refusal of the membership routes, beside the message. Listed in the
 * README; never renamed.
 */
export const MembershipErrorCodes = {
  /** The body or query is not what the route takes (400). */
  INVALID_DATA: "invalid_data",
  /** The customer in the URL (or the one to gift or share with) does not exist (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** The membership does not exist or is not the customer's (404). */
  MEMBERSHIP_NOT_FOUND: "membership_not_found",
  /** The plan does not exist (404). */
  PLAN_NOT_FOUND: "plan_not_found",
  /** The plan still has active memberships and cannot be deleted (400). */
  PLAN_HAS_ACTIVE_MEMBERSHIPS: "plan_has_active_memberships",
  /** A plan that is not lifetime needs `duration_value` (400). */
  DURATION_REQUIRED: "duration_required",
  /** The plan's benefit group does not exist (400). */
  CUSTOMER_GROUP_NOT_FOUND: "customer_group_not_found",
  /** The plan's product variant does not exist (400). */
  VARIANT_NOT_FOUND: "variant_not_found",
  /** The variant already sells another plan (400). */
  VARIANT_TAKEN: "variant_taken",
  /** The expiry is not after the start (400). */
  EXPIRY_BEFORE_START: "expiry_before_start",
  /** A cancelled membership cannot be changed or renewed (400). */
  MEMBERSHIP_CANCELLED: "membership_cancelled",
  /** Only an active membership can be cancelled, given away or shared (400). */
  MEMBERSHIP_NOT_ACTIVE: "membership_not_active",
  /** A lifetime membership cannot be renewed, nor cancelled at its period end (400). */
  MEMBERSHIP_LIFETIME: "membership_lifetime",
  /** The membership already belongs to the customer it is given to (400). */
  ALREADY_HOLDER: "already_holder",
  /** The customer already shares the membership (400). */
  ALREADY_CO_MEMBER: "already_co_member",
  /** The plan's co-member limit is reached, or it cannot be shared (400). */
  SHARE_LIMIT_REACHED: "share_limit_reached",
  /** The customer does not share the membership (404). */
  NOT_A_CO_MEMBER: "not_a_co_member",
  /** The scanner key does not exist (404). */
  SCANNER_KEY_NOT_FOUND: "scanner_key_not_found",
  /** The scanner key is already revoked (400). */
  SCANNER_KEY_REVOKED: "scanner_key_revoked",
  /** The card check's `x-scanner-key` is not a valid key, or it was revoked (401). */
  SCANNER_KEY_INVALID: "scanner_key_invalid",
} as const

export type MembershipErrorCode = (typeof MembershipErrorCodes)[keyof typeof MembershipErrorCodes]


export type MembershipDurationUnit = "day" | "month" | "year" | "lifetime"

/** A customer as memberships show them: the holder, a co-member, a gift's recipient. */
export type MembershipCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

/** A plan's own fields, as a membership carries them. */
export type MembershipPlanFields = {
  id: string
  name: string
  description: string | null
  /** The rank: higher is better. */
  level: number
  duration_unit: MembershipDurationUnit
  /** How many units one period lasts; null for lifetime. */
  duration_value: number | null
  /** The benefit: members are in this customer group while their membership is active. */
  customer_group_id: string | null
  /** The product variant that sells the plan. */
  variant_id: string | null
  /** Co-members one membership may add; 0 = none. */
  max_shares: number
  /** The holder is e-mailed this many days before expiry; 0 = no reminder. */
  reminder_days: number
  created_at: string
  updated_at: string
}

/** A plan as the plan routes read it: with its benefit group's name. */
export type MembershipPlan = MembershipPlanFields & {
  customer_group: { id: string; name: string } | null
}

/** A plan as the plans list and detail return it: with its memberships counted. */
export type MembershipPlanWithCounts = MembershipPlan & {
  /** Active memberships of the plan. */
  active_count: number
  /** All memberships of the plan, whatever their status. */
  member_count: number
}

/** `GET /admin/crm/membership-plans`: 50 a page by default, at most 200; `q` searches the name. */
export type MembershipPlanListParams = Pick<CrmFindParams, "limit" | "offset"> & {
  q?: string
}

/** By level, then name. */
export type MembershipPlanListResponse = CrmPaginatedResponse & {
  plans: MembershipPlanWithCounts[]
}

export type MembershipPlanResponse = { plan: MembershipPlanWithCounts }

/** `POST /admin/crm/membership-plans`; the limits are `MEMBERSHIP_PLAN_LIMITS`. */
export type CreateMembershipPlanPayload = {
  /** 1..120 characters. */
  name: string
  description?: string | null
  /** 0..1000 */
  level: number
  duration_unit: MembershipDurationUnit
  /** 1..1200; required unless the unit is lifetime. */
  duration_value?: number | null
  customer_group_id?: string | null
  variant_id?: string | null
  /** 0..20, default 0. */
  max_shares?: number
  /** 0..365, default 14. */
  reminder_days?: number
}

/** `POST /admin/crm/membership-plans/:plan_id`: any subset; existing memberships keep their dates. */
export type UpdateMembershipPlanPayload = Partial<CreateMembershipPlanPayload>

export type MembershipPlanDeleteResponse = {
  id: string
  object: "membership_plan"
  deleted: true
}

export type MembershipStatus = "active" | "expired" | "cancelled"
export type MembershipSource = "admin" | "purchase" | "gift"
/** The customer's part in a membership: they hold it, or it is shared with them. */
export type MembershipRole = "holder" | "co_member"

export type MembershipShare = {
  id: string
  customer_id: string
  customer: MembershipCustomer | null
  created_at: string
}

/** A membership's own fields, with its holder, plan and co-members. */
export type MembershipBase = {
  id: string
  /** Human-friendly and unique, e.g. M-7Q4K-X2PD: printed on the card. */
  number: string
  status: MembershipStatus
  starts_at: string
  /** null = lifetime. */
  expires_at: string | null
  cancel_at_period_end: boolean
  cancelled_at: string | null
  source: MembershipSource
  order_id: string | null
  /** The holder's id. */
  customer_id: string
  holder: MembershipCustomer | null
  plan: MembershipPlanFields
  shares: MembershipShare[]
  created_at: string
}

/** A membership as read for one customer (the one in the URL), with their part in it. */
export type Membership = MembershipBase & { role: MembershipRole }

export type MembershipEventType =
  | "created"
  | "renewed"
  | "expiration_edited"
  | "cancelled"
  | "cancel_scheduled"
  | "gifted"
  | "shared"
  | "unshared"
  | "expired"

export type MembershipEvent = {
  id: string
  type: MembershipEventType
  actor_type: "admin" | "customer" | "system"
  actor_id: string | null
  data: Record<string, unknown> | null
  created_at: string
}

/** `GET /admin/customers/:id/memberships`: 100 a page by default, at most 100. */
export type CustomerMembershipListParams = Pick<CrmFindParams, "limit" | "offset"> & {
  /** Comma list of statuses. */
  status?: string
}

/** Held and shared-with memberships, active first, then by expiry (latest first). */
export type CustomerMembershipListResponse = CrmPaginatedResponse & {
  memberships: Membership[]
}

/** What the membership actions (assign, renew, expiration, cancel, gift, share) answer. */
export type CustomerMembershipResponse = { membership: Membership }

/** `DELETE /admin/customers/:id/memberships/:membership_id/shares/:customer_id`: the membership itself, without a role. */
export type CustomerMembershipUnshareResponse = { membership: MembershipBase }

/** A membership and its history, newest first. */
export type CustomerMembershipDetailResponse = {
  membership: Membership
  history: MembershipEvent[]
}

/** `POST /admin/customers/:id/memberships` (201). Dates are `YYYY-MM-DD` or ISO 8601 date-times. */
export type AssignMembershipPayload = {
  plan_id: string
  /** Defaults to now. */
  starts_at?: string | null
  /** Defaults to the start plus the plan's duration. */
  expires_at?: string | null
}

/** A past date expires the membership now; null makes it lifetime. */
export type EditMembershipExpirationPayload = { expires_at: string | null }

export type MembershipCancelAt = "now" | "period_end"

/** `at` defaults to `now`. */
export type CancelMembershipPayload = { at?: MembershipCancelAt }

/** Gift (moves the membership) or share (adds a co-member) with this customer. */
export type MembershipCustomerPayload = { customer_id: string }

export type MembershipCard = {
  number: string
  /** Whose card it is: first name and last initial, or a neutral label; never an e-mail. */
  holder_name: string
  /** Each holder and co-member has a card (and code) of their own. */
  role: "holder" | "co_member"
  plan_name: string
  level: number
  /** null = lifetime. */
  valid_until: string | null
  starts_at: string
  status: MembershipStatus
  /** What the QR code encodes: the value scanned at the door. */
  code: string
  /** The QR code as an `<svg>` string, made by our own server. */
  qr_svg: string
}

export type MembershipCardResponse = { card: MembershipCard }

/** `replaced`: signed by this store, but no longer the card of whoever it was issued to. */
export type MembershipVerifyResult = "valid" | "expired" | "cancelled" | "replaced" | "invalid"

/** `GET /admin/crm/memberships/verify?code=…` (an admin, or a door scanner with `x-scanner-key`). */
export type MembershipVerifyParams = { code: string }

export type MembershipVerifyResponse = {
  result: MembershipVerifyResult
  membership: {
    number: string
    plan_name: string
    /** Null when the card is no longer current: a replaced card names nobody. */
    holder_name: string | null
    role: "holder" | "co_member" | null
    expires_at: string | null
    status: MembershipStatus
  } | null
}

/** A door scanner key: it can only check cards. The key itself is shown once, on creation. */
export type MembershipScannerKey = {
  id: string
  name: string
  /** The key's start and end, to tell keys apart. */
  redacted: string
  created_by: string | null
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
  revoked_by: string | null
}

/** Newest first; 50 a page by default, at most 100. */
export type MembershipScannerKeyListParams = Pick<CrmFindParams, "limit" | "offset">

export type MembershipScannerKeyListResponse = CrmPaginatedResponse & {
  scanner_keys: MembershipScannerKey[]
}

/** `name`: 1..`MEMBERSHIP_SCANNER_KEY_NAME_MAX_LENGTH` characters. */
export type CreateMembershipScannerKeyPayload = { name: string }

export type CreatedMembershipScannerKeyResponse = {
  scanner_key: MembershipScannerKey & { key: string }
}

export type MembershipScannerKeyResponse = { scanner_key: MembershipScannerKey }

/** Someone else in a membership, as a storefront shows them: a name, never an e-mail. */
export type StoreMembershipPerson = { id: string; name: string }

/**
 * A membership as its customer reads it in the store: their own details in full, everyone else
 * (the holder, other co-members) as `StoreMembershipPerson`; a co-member does not see the
 * holder's order.
 */
export type StoreMembership = Omit<Membership, "holder" | "shares"> & {
  holder: MembershipCustomer | StoreMembershipPerson | null
  shares: (Omit<MembershipShare, "customer"> & { customer: MembershipCustomer | StoreMembershipPerson | null })[]
}

/** The fields of a membership a storefront may select with `fields`. */
export const STORE_MEMBERSHIP_FIELDS = [
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
  "holder",
  "plan",
  "shares",
  "role",
  "created_at",
] as const
export type StoreMembershipField = (typeof STORE_MEMBERSHIP_FIELDS)[number]

/** A membership with the fields `fields` selected (all by default); `id` is always there. */
export type StoreMembershipSelection = Pick<StoreMembership, "id"> & Partial<StoreMembership>

/**
 * `GET /store/customers/me/memberships`: 20 a page by default, at most 100; `status` a comma list
 * of statuses; `fields` a comma list of `STORE_MEMBERSHIP_FIELDS` (each may be prefixed with `+`
 * or `-`; `id` is always returned).
 */
export type StoreCustomerMembershipListParams = Pick<CrmFindParams, "limit" | "offset" | "fields"> & {
  status?: string
}

/** Held and shared-with memberships, active first, then by expiry (latest first). */
export type StoreCustomerMembershipListResponse = CrmPaginatedResponse & {
  memberships: StoreMembershipSelection[]
}

/** `GET /store/customers/me/memberships/:membership_id`: `fields` as for the list. */
export type StoreCustomerMembershipParams = Pick<CrmFindParams, "fields">

export type StoreCustomerMembershipResponse = { membership: StoreMembershipSelection }

/** `GET /store/customers/me/memberships/:membership_id/card` (no query parameters). */
export type StoreMembershipCardResponse = MembershipCardResponse
