import { model } from "@medusajs/framework/utils"

export const LOYALTY_ENROLLMENT_MODES = ["all", "per_customer"] as const
export type LoyaltyEnrollmentMode = (typeof LOYALTY_ENROLLMENT_MODES)[number]

/** When an order's points can become available: once it is placed, or once it is paid (captured). */
export const LOYALTY_EARN_ON = ["placed", "paid"] as const
export type LoyaltyEarnOn = (typeof LOYALTY_EARN_ON)[number]

/** How points are earned and what they are worth in one currency. */
export type LoyaltyRate = {
  currency_code: string
  /** Points per 1 unit of the order's subtotal after discounts (tax and shipping excluded). */
  earn_points_per_unit: number
  /** `redeem_points` points are worth `redeem_value` units of the currency (100 points = 1.00). */
  redeem_points: number
  redeem_value: number
}

/**
 * The program's settings: one row (id `loyalty_program`), created with these defaults the first
 * time it is read.
 */
export const LoyaltyProgram = model.define("loyalty_program", {
  id: model.id({ prefix: "lyprog" }).primaryKey(),
  enabled: model.boolean().default(true),
  /** `all`: every customer collects points; `per_customer`: only those an admin enrolled. */
  enrollment: model.enum([...LOYALTY_ENROLLMENT_MODES]).default("all"),
  /**
   * `placed`: an order's points count from the order (after the pending days); `paid`: they stay
   * pending until the order's payment is captured, then the pending days (from the order) apply.
   */
  earn_on: model.enum([...LOYALTY_EARN_ON]).default("placed"),
  /** Days after the order before its points can be spent; 0 = at once. */
  pending_days: model.number().default(0),
  /** Points expire this many months after they were earned, oldest first; null = never. */
  expiry_months: model.number().nullable(),
  /** An e-mail warns the customer this many days before points expire; 0 = no reminder. */
  expiry_reminder_days: model.number().default(14),
  /** The fewest points one redemption may use. */
  min_redeem_points: model.number().default(0),
  /** Points applied to a cart that sees no activity for this long go back to the customer. */
  redemption_hold_hours: model.number().default(72),
  /** The list of `LoyaltyRate`s, one per currency. */
  rates: model.json().nullable(),
})
