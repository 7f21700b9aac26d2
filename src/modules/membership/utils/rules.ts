import type { DurationUnit } from "../models/membership-plan"
import { MembershipErrorCodes as Codes, type MembershipErrorCode } from "../../../types/http/memberships"
import { formatDay } from "./dates"

/** Why a rule refuses: the stable code of the refusal and its readable message. */
export type MembershipRefusal = { code: MembershipErrorCode; message: string }

const refusal = (code: MembershipErrorCode, message: string): MembershipRefusal => ({ code, message })

/** What the status rules read of a membership. */
export type MembershipState = {
  status: string
  starts_at: Date
  expires_at: Date | null
  plan: { duration_unit: DurationUnit }
}

/** Why an expiry cannot be set, or null when it can: it must come after the start. */
export function expiryRefusal(m: Pick<MembershipState, "status" | "starts_at">, expiresAt: Date | null): MembershipRefusal | null {
  if (m.status === "cancelled") {
    return refusal(Codes.MEMBERSHIP_CANCELLED, "A cancelled membership cannot be changed")
  }
  if (expiresAt && expiresAt <= m.starts_at) {
    return refusal(Codes.EXPIRY_BEFORE_START, `The expiry must be after the start (${formatDay(m.starts_at)})`)
  }
  return null
}

/** Why a membership cannot be renewed, or null when it can: cancelled and lifetime ones cannot. */
export function renewalRefusal(m: MembershipState): MembershipRefusal | null {
  if (m.status === "cancelled") {
    return refusal(Codes.MEMBERSHIP_CANCELLED, "A cancelled membership cannot be renewed")
  }
  if (m.plan.duration_unit === "lifetime" || !m.expires_at) {
    return refusal(Codes.MEMBERSHIP_LIFETIME, "A lifetime membership does not expire and cannot be renewed")
  }
  return null
}

/**
 * Why a membership cannot be cancelled now or at its period end, or null when it can: only an
 * active one, and only one with an expiry has a period end.
 */
export function cancelRefusal(m: Pick<MembershipState, "status" | "expires_at">, at: "now" | "period_end"): MembershipRefusal | null {
  if (m.status !== "active") {
    return refusal(Codes.MEMBERSHIP_NOT_ACTIVE, `Only an active membership can be cancelled; this one is ${m.status}`)
  }
  if (at === "period_end" && !m.expires_at) {
    return refusal(Codes.MEMBERSHIP_LIFETIME, "A lifetime membership has no period end: cancel it now")
  }
  return null
}

/** The status of a membership that starts now: expired already when its expiry has passed. */
export const statusAtStart = (expiresAt: Date | null, now: Date) =>
  expiresAt && expiresAt <= now ? ("expired" as const) : ("active" as const)

/** What one order line bought, as its history recorded it. */
export type PurchaseEvent = { type: string; data?: Record<string, unknown> | null }

/**
 * What an order line bought is still there: the membership it created is active, or the renewal
 * it made is still the membership's expiry (nobody changed it since).
 */
export function stillHeld(m: Pick<MembershipState, "status" | "expires_at">, event: PurchaseEvent) {
  if (event.type === "created") {
    return m.status === "active"
  }
  const data = (event.data ?? {}) as { from?: string; to?: string }
  const renewedTo = data.to ? new Date(data.to).getTime() : null
  return m.status !== "cancelled" && !!m.expires_at && m.expires_at.getTime() === renewedTo && !!data.from
}
