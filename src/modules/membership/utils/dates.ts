import { addMonths } from "../../../lib/loyalty"
import type { DurationUnit } from "../models/membership-plan"

/** The end of one period that starts at `from`; null for lifetime plans. */
export function addDuration(from: Date, unit: DurationUnit, value: number | null): Date | null {
  if (unit === "lifetime") {
    return null
  }
  const n = value ?? 1
  if (unit === "day") {
    return new Date(from.getTime() + n * 86_400_000)
  }
  return addMonths(from, unit === "month" ? n : 12 * n)
}

/**
 * The end of `periods` periods one after the other from `from`; null as soon as one is lifetime.
 *
 * @example
 * addPeriods(new Date("2026-01-15"), "month", 1, 2) // 2026-03-15
 */
export function addPeriods(from: Date, unit: DurationUnit, value: number | null, periods: number): Date | null {
  let end: Date | null = from
  for (let i = 0; i < periods && end; i++) {
    end = addDuration(end, unit, value)
  }
  return end
}

/** How many periods an order line buys: its quantity, at least one. */
export const purchasedPeriods = (quantity: unknown) => Math.max(1, Number(quantity) || 1)

/** A renewal runs from the later of the current expiry and now, so no paid time is lost. */
export const renewalStart = (expiresAt: Date, now: Date) => (expiresAt > now ? expiresAt : now)

/** "12 months", "1 year", "Lifetime". */
export function describeDuration(unit: DurationUnit, value: number | null) {
  if (unit === "lifetime") {
    return "Lifetime"
  }
  const n = value ?? 1
  return `${n} ${unit}${n === 1 ? "" : "s"}`
}

/** A date as the timeline writes it ("2027-06-30"); no date is a lifetime membership. */
export const formatDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never (lifetime)")

/**
 * What the expiry job does with a membership at `at`: nothing (it is not active, or runs on: someone
 * renewed it meanwhile), expire it, or cancel it when its holder asked to stop at the period end.
 */
export function expiryOutcome(
  m: { status: string; expires_at: Date | null; cancel_at_period_end: boolean },
  at: Date
): "expired" | "cancelled" | null {
  if (m.status !== "active" || !m.expires_at || m.expires_at > at) {
    return null
  }
  return m.cancel_at_period_end ? "cancelled" : "expired"
}
