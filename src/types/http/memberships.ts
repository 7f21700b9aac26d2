
export type MembershipDurationUnit = "day" | "month" | "year" | "lifetime"

/** A customer as memberships show them: the holder, a co-member, a gift's recipient. */
export type MembershipCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

export type MembershipPlan = {
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
  customer_group: { id: string; name: string } | null
  /** The product variant that sells the plan. */
  variant_id: string | null
  /** Co-members one membership may add; 0 = none. */
  max_shares: number
  /** The holder is e-mailed this many days before expiry; 0 = no reminder. */
  reminder_days: number
  created_at: string
  updated_at: string
}

/** A plan as the plans list and detail return it: with its memberships counted. */
export type MembershipPlanWithCounts = MembershipPlan & {
  /** Active memberships of the plan. */
  active_count: number
  /** All memberships of the plan, whatever their status. */
  member_count: number
}

export type MembershipPlanListParams = {
  q?: string
  limit?: number
  offset?: number
}

export type MembershipPlanListResponse = {
  plans: MembershipPlanWithCounts[]
  count: number
  offset: number
  limit: number
}

export type MembershipPlanResponse = { plan: MembershipPlanWithCounts }

export type CreateMembershipPlanPayload = {
  name: string
  description?: string | null
  level: number
  duration_unit: MembershipDurationUnit
  /** Required unless the unit is lifetime. */
  duration_value?: number | null
  customer_group_id?: string | null
  variant_id?: string | null
  /** 0..20 */
  max_shares?: number
  /** 0..365 */
  reminder_days?: number
}

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

/** A membership as read for one customer (the one in the URL). */
export type Membership = {
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
  plan: MembershipPlan
  shares: MembershipShare[]
  role: MembershipRole
  created_at: string
}

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

export type CustomerMembershipListParams = {
  /** Comma list of statuses. */
  status?: string
}

/** Held and shared-with memberships, active first, then by expiry. */
export type CustomerMembershipListResponse = {
  memberships: Membership[]
  count: number
}

export type CustomerMembershipResponse = { membership: Membership }

/** A membership and its history, newest first. */
export type CustomerMembershipDetailResponse = {
  membership: Membership
  history: MembershipEvent[]
}

export type AssignMembershipPayload = {
  plan_id: string
  /** Defaults to now. */
  starts_at?: string
  /** Defaults to the start plus the plan's duration. */
  expires_at?: string
}

export type EditMembershipExpirationPayload = { expires_at: string }

export type MembershipCancelAt = "now" | "period_end"

export type CancelMembershipPayload = { at: MembershipCancelAt }

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
  status: MembershipStatus
  /** What the QR code encodes: the value scanned at the door. */
  code: string
  /** The QR code as an `<svg>` string, made by our own server. */
  qr_svg: string
}

export type MembershipCardResponse = { card: MembershipCard }

/** `replaced`: signed by this store, but no longer the card of whoever it was issued to. */
export type MembershipVerifyResult = "valid" | "expired" | "cancelled" | "replaced" | "invalid"

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

export type MembershipScannerKeyListParams = { limit?: number; offset?: number }

export type MembershipScannerKeyListResponse = {
  scanner_keys: MembershipScannerKey[]
  count: number
  offset: number
  limit: number
}

export type CreateMembershipScannerKeyPayload = { name: string }

export type CreatedMembershipScannerKeyResponse = {
  scanner_key: MembershipScannerKey & { key: string }
}

export type MembershipScannerKeyResponse = { scanner_key: MembershipScannerKey }
