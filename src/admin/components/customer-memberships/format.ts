import type { TranslateFn } from "../../lib/i18n"
import type {
  Membership,
  MembershipPlan,
  MembershipStatus,
  TagColor,
} from "../../lib/types"

export const STATUS_COLORS: Record<MembershipStatus, "green" | "grey" | "red"> =
  {
    active: "green",
    expired: "grey",
    cancelled: "red",
  }

// A plan's colour follows its level, so the same plan looks the same on the card, the side card
// and the plans page.
const PLAN_ACCENTS: readonly Exclude<TagColor, "grey" | "red">[] = [
  "blue",
  "green",
  "purple",
  "orange",
]

/** The accent colour of a plan of this level. */
export const planAccent = (level: number) =>
  PLAN_ACCENTS[Math.abs(Math.trunc(level)) % PLAN_ACCENTS.length]

type Duration = Pick<MembershipPlan, "duration_unit" | "duration_value">

/** "Lifetime", "30 days", "1 month", "2 years". */
export const durationText = (plan: Duration, t: TranslateFn) => {
  if (plan.duration_unit === "lifetime" || !plan.duration_value) {
    return t("memberships.duration.lifetime")
  }
  const count = plan.duration_value
  return count === 1
    ? t(`memberships.duration.${plan.duration_unit}One`)
    : t(`memberships.duration.${plan.duration_unit}Many`, { count })
}

/** `from` plus the plan's duration, or null for a lifetime plan. */
export const addDuration = (from: Date, plan: Duration) => {
  const value = plan.duration_value ?? 0
  if (plan.duration_unit === "lifetime" || value < 1) {
    return null
  }
  const date = new Date(from)
  if (plan.duration_unit === "day") {
    date.setDate(date.getDate() + value)
  } else if (plan.duration_unit === "month") {
    date.setMonth(date.getMonth() + value)
  } else {
    date.setFullYear(date.getFullYear() + value)
  }
  return date
}

/** The expiry a renewal gives: the plan's duration from the later of now and the expiry. */
export const renewedExpiry = (membership: Membership, now = new Date()) => {
  const expires = membership.expires_at ? new Date(membership.expires_at) : null
  return addDuration(expires && expires > now ? expires : now, membership.plan)
}

export type MembershipAction =
  | "expiration"
  | "renew"
  | "cancel"
  | "gift"
  | "share"
  | "card"
  | "history"

/**
 * Which actions apply to a membership. Only an active membership can be cancelled, given away or
 * shared; a cancelled one can only be looked at. A co-member's row cannot give away or share what
 * is the holder's. Renewing needs an end to extend from (not lifetime).
 */
export const availableActions = (
  membership: Membership
): Record<MembershipAction, boolean> => {
  const { status, plan, shares, role } = membership
  const isActive = status === "active"
  const isHolder = role === "holder"
  const isLifetime =
    membership.expires_at === null || plan.duration_unit === "lifetime"

  return {
    expiration: status !== "cancelled",
    renew: status !== "cancelled" && !isLifetime,
    cancel: isActive,
    gift: isActive && isHolder,
    // Removing co-members stays possible when the plan no longer allows any.
    share: isHolder && ((isActive && plan.max_shares > 0) || shares.length > 0),
    card: true,
    history: true,
  }
}

const STATUS_ORDER: Record<MembershipStatus, number> = {
  active: 0,
  expired: 1,
  cancelled: 2,
}

/** Active first; keeps the API's order (by expiry) within a status. */
export const sortMemberships = (memberships: Membership[]) =>
  [...memberships].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]
  )
