
export type LoyaltyEnrollmentMode = "all" | "per_customer"

/** What points are worth in one currency. Money in major units (12.5 = 12.50). */
export type LoyaltyRate = {
  currency_code: string
  /** Points earned per 1 unit of the currency spent. */
  earn_points_per_unit: number
  /** `redeem_points` points are worth `redeem_value` when redeemed. */
  redeem_points: number
  redeem_value: number
}

export type LoyaltyProgram = {
  enabled: boolean
  enrollment: LoyaltyEnrollmentMode
  /** Days before earned points become available; 0 = at once. */
  pending_days: number
  /** null = points never expire. */
  expiry_months: number | null
  /** E-mail the customer this many days before points expire; 0 = no reminder. */
  expiry_reminder_days: number
  min_redeem_points: number
  /** An unused redemption on an idle cart is given back after this many hours. */
  redemption_hold_hours: number
  rates: LoyaltyRate[]
  updated_at: string | null
}

export type LoyaltyCurrencyValue = {
  currency_code: string
  value: number
}

export type LoyaltyTotals = {
  accounts: number
  enrolled: number
  points_available: number
  points_pending: number
  points_lifetime_earned: number
  negative_accounts: number
  /** What the available points are worth, per rate currency. */
  liability: LoyaltyCurrencyValue[]
}

export type LoyaltyProgramResponse = {
  program: LoyaltyProgram
  totals: LoyaltyTotals
}

/** Any subset of the program; `rates` replaces the whole list. */
export type UpdateLoyaltyProgramPayload = Partial<
  Omit<LoyaltyProgram, "updated_at">
>

export type UpdateLoyaltyProgramResponse = { program: LoyaltyProgram }

export type LoyaltyBalance = {
  /** Can be negative: points reversed after they were spent. */
  available: number
  pending: number
  lifetime_earned: number
  /** Points reserved by a redemption on a cart. */
  held: number
}

export type CustomerLoyalty = {
  customer_id: string
  program_enabled: boolean
  enrollment: LoyaltyEnrollmentMode
  enrolled: boolean
  enrolled_at: string | null
  balance: LoyaltyBalance
  /** What `available` is worth, per rate currency. */
  values: LoyaltyCurrencyValue[]
  next_expiry: { points: number; expires_at: string } | null
}

export type LoyaltyEntryType =
  | "earn"
  | "redeem"
  | "adjust"
  | "expire"
  | "reverse"

export type LoyaltyEntryStatus = "pending" | "available" | "void"

export type LoyaltyEntry = {
  id: string
  type: LoyaltyEntryType
  /** Signed: + added, - removed. */
  points: number
  status: LoyaltyEntryStatus
  /** Human text: sales channel, reward, reason. */
  description: string | null
  /** The admin's reason, for adjustments. */
  reason: string | null
  order_id: string | null
  order_display_id: number | null
  promotion_id: string | null
  promotion_code: string | null
  /** The admin who made the entry, or null. */
  created_by: string | null
  available_at: string | null
  expires_at: string | null
  created_at: string
}

export type CustomerLoyaltyParams = {
  limit?: number
  offset?: number
}

/** The customer's loyalty account and one page of its entries, newest first. */
export type CustomerLoyaltyResponse = {
  loyalty: CustomerLoyalty
  entries: LoyaltyEntry[]
  count: number
  offset: number
  limit: number
}

export type AdjustLoyaltyPointsPayload = {
  /** A non-zero integer: + adds, - removes. */
  points: number
  /** 1..500 characters. */
  reason: string
}

export type AdjustLoyaltyPointsResponse = {
  entry: LoyaltyEntry
  loyalty: CustomerLoyalty
}

export type SetLoyaltyEnrollmentPayload = { enrolled: boolean }

export type LoyaltyEnrollmentResponse = { loyalty: CustomerLoyalty }
