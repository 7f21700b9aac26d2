import { z } from "@medusajs/framework/zod"
import type { LoyaltyRate } from "../modules/loyalty"
import { LOYALTY_MAX_POINTS } from "../types/http/loyalty"

/** Points are whole numbers of at most this size: far beyond any real balance, safe in JS. */
export const MAX_POINTS = LOYALTY_MAX_POINTS

const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, { message: "currency_code must be a 3-letter ISO 4217 code" })
  .transform((code) => code.toLowerCase())

export const loyaltyRateSchema = z
  .object({
    currency_code: currencyCode,
    earn_points_per_unit: z.number().min(0).max(10_000),
    redeem_points: z.number().int().min(1).max(MAX_POINTS),
    redeem_value: z.number().positive().max(1_000_000),
  })
  .strict()

/** The program settings an admin may change; every field optional. */
export const loyaltyProgramSchema = z
  .object({
    enabled: z.boolean(),
    enrollment: z.enum(["all", "per_customer"]),
    earn_on: z.enum(["placed", "paid"]),
    pending_days: z.number().int().min(0).max(365),
    expiry_months: z.number().int().min(1).max(120).nullable(),
    expiry_reminder_days: z.number().int().min(0).max(365),
    min_redeem_points: z.number().int().min(0).max(MAX_POINTS),
    redemption_hold_hours: z.number().int().min(1).max(24 * 90),
    rates: z
      .array(loyaltyRateSchema)
      .max(50)
      .refine((rates) => new Set(rates.map((r) => r.currency_code)).size === rates.length, {
        message: "rates may hold each currency once",
      }),
  })
  .partial()
  .strict()

export type LoyaltyProgramUpdate = z.infer<typeof loyaltyProgramSchema>

export type LoyaltyProgramSettings = {
  id: string
  enabled: boolean
  enrollment: "all" | "per_customer"
  earn_on: "placed" | "paid"
  pending_days: number
  expiry_months: number | null
  expiry_reminder_days: number
  min_redeem_points: number
  redemption_hold_hours: number
  rates: LoyaltyRate[] | null
  updated_at?: Date | string
}

/** The rate of a currency, if the program has one. */
export function rateFor(program: Pick<LoyaltyProgramSettings, "rates">, currencyCode: string) {
  const code = currencyCode.toLowerCase()
  return (program.rates ?? []).find((rate) => rate.currency_code === code)
}

/** Points an order earns: rate x base, rounded down; never negative. */
export function pointsForAmount(base: number, rate: Pick<LoyaltyRate, "earn_points_per_unit">) {
  // The small epsilon keeps 19.99 x 100 (= 1998.9999…) from losing a point to float error.
  return Math.max(0, Math.floor(base * rate.earn_points_per_unit + 1e-9))
}

/**
 * What points are worth in the rate's currency, rounded down to the currency's smallest unit
 * (`decimals`: 2 for cents, 0 for currencies such as JPY).
 */
export function valueOfPoints(
  points: number,
  rate: Pick<LoyaltyRate, "redeem_points" | "redeem_value">,
  decimals = 2
): number {
  if (points < 0) {
    return -valueOfPoints(-points, rate, decimals)
  }
  const unit = 10 ** decimals
  return Math.floor((points * rate.redeem_value * unit) / rate.redeem_points + 1e-9) / unit
}

/**
 * How many of an order's earned points a refund takes back: in proportion to the share of the
 * order's total that was refunded, rounded down, all of them once everything was refunded.
 */
export function pointsToReverseForRefund(earned: number, refunded: number, total: number) {
  if (earned <= 0 || refunded <= 0) {
    return 0
  }
  if (total <= 0 || refunded >= total) {
    return earned
  }
  return Math.min(earned, Math.floor((earned * refunded) / total + 1e-9))
}

/**
 * `months` calendar months after `from`; the day is kept where the month has it, else the month's
 * last day (31 January + 1 month = 28 or 29 February, not 3 March).
 */
export function addMonths(from: Date, months: number) {
  const result = new Date(from)
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000)

/** "+1,200" / "-50": how the timeline and e-mails write a change of points. */
export const signedPoints = (points: number) =>
  `${points > 0 ? "+" : ""}${points.toLocaleString("en-US")}`
