/**
 * The loyalty routes' contract: `/admin/crm/loyalty`, `/admin/customers/:id/loyalty/**`,
 * `/store/customers/me/loyalty` and `/store/carts/:id/loyalty`.
 */
import type { CrmFindParams, CrmPaginatedResponse } from "./common"

/** Points are whole numbers of at most this size: far beyond any real balance, safe in JS. */
export const LOYALTY_MAX_POINTS = 100_000_000

/** The longest reason an admin may give for an adjustment. */
export const LOYALTY_ADJUSTMENT_REASON_MAX_LENGTH = 500

/**
 * The stable `code` of every refusal of the loyalty routes, beside the message, so storefronts can
 * show their own text. Listed in the README; never renamed.
 */
export const LoyaltyErrorCodes = {
  /** The body or query is not what the route takes (400). */
  INVALID_DATA: "invalid_data",
  /** The customer in the URL does not exist (404, admin routes). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** The cart does not exist or is not the customer's (404). */
  CART_NOT_FOUND: "cart_not_found",
  /** The cart became an order (400). */
  CART_COMPLETED: "cart_completed",
  /** The program is turned off (400). */
  PROGRAM_DISABLED: "program_disabled",
  /** The customer is not enrolled in the program (400). */
  NOT_ENROLLED: "not_enrolled",
  /** The program has no rate for the cart's currency (400). */
  CURRENCY_NOT_SUPPORTED: "currency_not_supported",
  /** Fewer points than the program's minimum per redemption (400). */
  BELOW_MINIMUM: "below_minimum",
  /** The points are worth less than the currency's smallest unit (400). */
  VALUE_TOO_SMALL: "value_too_small",
  /** More points than the customer has available (400). */
  INSUFFICIENT_POINTS: "insufficient_points",
  /** The points are worth more than the cart's items (400). */
  EXCEEDS_CART_VALUE: "exceeds_cart_value",
  /** Points are already applied to this cart: remove them first (400). */
  ALREADY_APPLIED: "already_applied",
  /** The cart did not take the discount (it changed meanwhile) (400). */
  NOT_APPLICABLE: "not_applicable",
  /** No points are applied to this cart (404, DELETE). */
  NOT_APPLIED: "not_applied",
} as const

export type LoyaltyErrorCode = (typeof LoyaltyErrorCodes)[keyof typeof LoyaltyErrorCodes]

export type LoyaltyEnrollmentMode = "all" | "per_customer"

/**
 * When an order's points can be spent: `placed` (after `pending_days`), or `paid`: pending until
 * the order's payment is captured, then after `pending_days` counted from the order.
 */
export type LoyaltyEarnOn = "placed" | "paid"

/** What points are worth in one currency. Money in major units (12.5 = 12.50). */
export type LoyaltyRate = {
  /** Lower-case ISO 4217 code (sent in any case, stored lower-case). */
  currency_code: string
  /** Points earned per 1 unit of the currency spent (0..10,000). */
  earn_points_per_unit: number
  /** `redeem_points` points (1..`LOYALTY_MAX_POINTS`) are worth `redeem_value` (> 0, at most 1,000,000) when redeemed. */
  redeem_points: number
  redeem_value: number
}

export type LoyaltyProgram = {
  enabled: boolean
  enrollment: LoyaltyEnrollmentMode
  /** `placed` (default) or `paid`: points of an unpaid order stay pending until it is captured. */
  earn_on: LoyaltyEarnOn
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
  /** Points reserved by redemptions on carts. */
  points_held: number
  points_lifetime_earned: number
  /** The positive available balances together (what `liability` is worth). */
  points_outstanding: number
  negative_accounts: number
  /** What the available points are worth, per rate currency. */
  liability: LoyaltyCurrencyValue[]
}

/** `GET /admin/crm/loyalty`: the program and its totals. Takes no query parameters. */
export type AdminLoyaltyProgramResponse = {
  program: LoyaltyProgram
  totals: LoyaltyTotals
}
/** @deprecated Use `AdminLoyaltyProgramResponse`. */
export type LoyaltyProgramResponse = AdminLoyaltyProgramResponse

/**
 * `POST /admin/crm/loyalty`: any subset of the program; `rates` (at most 50, each currency once)
 * replaces the whole list. Ranges: `pending_days` and `expiry_reminder_days` 0..365,
 * `expiry_months` 1..120 or null, `min_redeem_points` 0..`LOYALTY_MAX_POINTS`,
 * `redemption_hold_hours` 1..2160.
 */
export type AdminUpdateLoyaltyProgramPayload = Partial<Omit<LoyaltyProgram, "updated_at">>
/** @deprecated Use `AdminUpdateLoyaltyProgramPayload`. */
export type UpdateLoyaltyProgramPayload = AdminUpdateLoyaltyProgramPayload

export type AdminUpdateLoyaltyProgramResponse = { program: LoyaltyProgram }
/** @deprecated Use `AdminUpdateLoyaltyProgramResponse`. */
export type UpdateLoyaltyProgramResponse = AdminUpdateLoyaltyProgramResponse

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
  /** The customer's currency (their latest order's, else the store's default) when it has a rate. */
  currency_code: string | null
  /** What `balance.available` is worth in `currency_code`. */
  value: number | null
  next_expiry: { points: number; expires_at: string } | null
}

export type LoyaltyEntryType = "earn" | "redeem" | "adjust" | "expire" | "reverse"

export type LoyaltyEntryStatus = "pending" | "available" | "void"

/**
 * What an entry records, for a reader's own language (`description` keeps the English text):
 * - `order_earn` { channel, display_id }: points earned on an order;
 * - `order_reversed` { channel, display_id, reason: "canceled" | "refunded" }: taken back;
 * - `points_returned_partial` { channel, display_id, used, held }: an order used part of the points held;
 * - `points_returned_canceled` { channel, display_id }: the points a canceled order spent came back;
 * - `points_returned`: points held on a cart came back;
 * - `redeem` { amount, currency_code }: points held on a cart for a discount;
 * - `points_added`, `points_removed`: by an admin (see `reason`);
 * - `points_expired`.
 * `channel` is the sales channel's name, or null.
 */
export type LoyaltyEntryDetailKey =
  | "order_earn"
  | "order_reversed"
  | "points_returned_partial"
  | "points_returned_canceled"
  | "points_returned"
  | "redeem"
  | "points_added"
  | "points_removed"
  | "points_expired"
  | "offer_redeemed"

export type LoyaltyEntryDetail = {
  key: LoyaltyEntryDetailKey
  values: Record<string, string | number | null>
}

/** One line of a customer's ledger, as the admin reads it. */
export type LoyaltyEntry = {
  id: string
  type: LoyaltyEntryType
  /** Signed: + added, - removed. */
  points: number
  status: LoyaltyEntryStatus
  /** English text: sales channel, reward, reason. */
  description: string | null
  /** The same as data, to show in the reader's language; null on entries written before it existed. */
  detail: LoyaltyEntryDetail | null
  /** The admin's reason, for adjustments. */
  reason: string | null
  order_id: string | null
  order_display_id: number | null
  /** When the order was placed (an earn's points date from it; the entry may be written later). */
  order_created_at: string | null
  /**
   * Pending until the order is paid (program `earn_on: "paid"`): true while the entry is pending
   * and has no `available_at` yet.
   */
  awaiting_payment: boolean
  /** The cart a redemption was made on. */
  cart_id: string | null
  promotion_id: string | null
  promotion_code: string | null
  /** The currency of `amount`, for earned, redeemed and reversed points. */
  currency_code: string | null
  /** The money the entry was about (spent, discounted), in major units. */
  amount: number | null
  /** The admin who made the entry, or null. */
  created_by: string | null
  available_at: string | null
  expires_at: string | null
  created_at: string
}

/** A ledger line as the customer reads it: not who made it, nor internal references. */
export type StoreLoyaltyEntry = Omit<LoyaltyEntry, "reason" | "created_by" | "cart_id" | "promotion_id">

/** `GET /admin/customers/:id/loyalty`: one page of the history, 20 by default, at most 100. */
export type AdminCustomerLoyaltyParams = Pick<CrmFindParams, "limit" | "offset">
/** @deprecated Use `AdminCustomerLoyaltyParams`. */
export type CustomerLoyaltyParams = AdminCustomerLoyaltyParams

/** The customer's loyalty account and one page of its entries, newest first. */
export type AdminCustomerLoyaltyResponse = CrmPaginatedResponse & {
  loyalty: CustomerLoyalty
  entries: LoyaltyEntry[]
}
/** @deprecated Use `AdminCustomerLoyaltyResponse`. */
export type CustomerLoyaltyResponse = AdminCustomerLoyaltyResponse

/** `POST /admin/customers/:id/loyalty/adjustments`. */
export type AdminAdjustLoyaltyPointsPayload = {
  /** A non-zero whole number within ±`LOYALTY_MAX_POINTS`: + adds, - removes. */
  points: number
  /** 1..`LOYALTY_ADJUSTMENT_REASON_MAX_LENGTH` characters (trimmed). */
  reason: string
}
/** @deprecated Use `AdminAdjustLoyaltyPointsPayload`. */
export type AdjustLoyaltyPointsPayload = AdminAdjustLoyaltyPointsPayload

/** The new entry (201) and the account after it. */
export type AdminAdjustLoyaltyPointsResponse = {
  entry: LoyaltyEntry
  loyalty: CustomerLoyalty
}
/** @deprecated Use `AdminAdjustLoyaltyPointsResponse`. */
export type AdjustLoyaltyPointsResponse = AdminAdjustLoyaltyPointsResponse

/** `POST /admin/customers/:id/loyalty/enrollment`. */
export type AdminSetLoyaltyEnrollmentPayload = { enrolled: boolean }
/** @deprecated Use `AdminSetLoyaltyEnrollmentPayload`. */
export type SetLoyaltyEnrollmentPayload = AdminSetLoyaltyEnrollmentPayload

export type AdminLoyaltyEnrollmentResponse = { loyalty: CustomerLoyalty }
/** @deprecated Use `AdminLoyaltyEnrollmentResponse`. */
export type LoyaltyEnrollmentResponse = AdminLoyaltyEnrollmentResponse

/** The fields of the account a storefront may select with `fields`. */
export const STORE_LOYALTY_FIELDS = [
  "customer_id",
  "program_enabled",
  "enrollment",
  "enrolled",
  "enrolled_at",
  "balance",
  "values",
  "next_expiry",
  "currency_code",
  "value",
] as const
export type StoreLoyaltyField = (typeof STORE_LOYALTY_FIELDS)[number]

/**
 * `GET /store/customers/me/loyalty`: one page of the history (20 by default, at most 100), and
 * `fields`, a comma list of `STORE_LOYALTY_FIELDS` (each may be prefixed with `+` or `-`, as
 * Medusa's store routes take it), to pick what `loyalty` carries.
 */
export type StoreCustomerLoyaltyParams = Pick<CrmFindParams, "limit" | "offset" | "fields">

/** The logged-in customer's account, with `available` valued in their currency. */
export type StoreCustomerLoyalty = CustomerLoyalty

export type StoreCustomerLoyaltyResponse = CrmPaginatedResponse & {
  /** All fields unless `fields` selected some. */
  loyalty: Partial<StoreCustomerLoyalty>
  entries: StoreLoyaltyEntry[]
}

/** What a storefront needs to offer points on a cart, and what is applied. */
export type StoreCartLoyalty = {
  program_enabled: boolean
  enrolled: boolean
  /** The customer's available points. */
  available: number
  currency_code: string
  /** The cart currency's rate: `redeem_points` are worth `redeem_value`; null without a rate. */
  redeem_points: number | null
  redeem_value: number | null
  /** The least points one redemption takes. */
  min_points: number
  /** What the customer may spend on this cart: what they have, no more than the items are worth. */
  max_points: number
  applied: {
    id: string
    points: number
    /** The discount, in major units of the cart's currency. */
    value: number
    /** The promotion code that carries the discount on the cart. */
    code: string | null
  } | null
}

/** `GET /store/carts/:id/loyalty` (no query parameters). */
export type StoreCartLoyaltyResponse = { loyalty: StoreCartLoyalty }

/** `POST /store/carts/:id/loyalty`: spend 1..`LOYALTY_MAX_POINTS` points on the cart. */
export type StoreRedeemLoyaltyPointsPayload = { points: number }

/** `POST` and `DELETE /store/carts/:id/loyalty` take Medusa's cart `fields`, as its cart routes do. */
export type StoreCartLoyaltyUpdateParams = Pick<CrmFindParams, "fields">

/**
 * What `POST` and `DELETE /store/carts/:id/loyalty` answer: the cart as Medusa's cart routes
 * answer it (`HttpTypes.StoreCart` from `@medusajs/types`), and the cart's loyalty after the change.
 */
export type StoreCartLoyaltyUpdateResponse<TCart = StoreCartShape> = {
  cart: TCart
  loyalty: StoreCartLoyalty
}

/** The least this contract says of a Medusa store cart; pass `HttpTypes.StoreCart` for all of it. */
export type StoreCartShape = { id: string; [field: string]: unknown }
