import { MembershipErrorCodes as Codes } from "../../../types/http/memberships"
import type { MembershipRefusal } from "./rules"

/** What the share rules read of a membership. */
export type SharedMembership = {
  customer_id: string
  status: string
  shares: { customer_id: string }[]
  plan: { name: string; max_shares: number }
}

/** A membership is a customer's when they hold it or share it. */
export const heldOrSharedBy = (m: Pick<SharedMembership, "customer_id" | "shares">, customerId: string) =>
  m.customer_id === customerId || m.shares.some((s) => s.customer_id === customerId)

/** "Friends can be shared with 2 people at most", or that it cannot be shared at all. */
export const shareLimitMessage = (plan: SharedMembership["plan"]) =>
  plan.max_shares
    ? `${plan.name} can be shared with ${plan.max_shares} ${plan.max_shares === 1 ? "person" : "people"} at most`
    : `${plan.name} cannot be shared`

/**
 * Why a customer cannot become a co-member of a membership, or null when they can: only an active
 * membership is shared, never with its holder or twice with one customer, and up to the plan's
 * `max_shares`.
 */
export function shareRefusal(m: SharedMembership, customerId: string): MembershipRefusal | null {
  if (m.status !== "active") {
    return { code: Codes.MEMBERSHIP_NOT_ACTIVE, message: `Only an active membership can be shared; this one is ${m.status}` }
  }
  if (customerId === m.customer_id) {
    return { code: Codes.ALREADY_HOLDER, message: "The holder cannot be a co-member of their own membership" }
  }
  if (m.shares.some((s) => s.customer_id === customerId)) {
    return { code: Codes.ALREADY_CO_MEMBER, message: "The customer already shares this membership" }
  }
  if (m.shares.length >= m.plan.max_shares) {
    return { code: Codes.SHARE_LIMIT_REACHED, message: shareLimitMessage(m.plan) }
  }
  return null
}

/**
 * Why a membership cannot be given to a customer, or null when it can: an active membership goes
 * to someone who neither holds nor shares it.
 */
export function giftRefusal(m: SharedMembership, toCustomerId: string): MembershipRefusal | null {
  if (toCustomerId === m.customer_id) {
    return { code: Codes.ALREADY_HOLDER, message: "The membership already belongs to this customer" }
  }
  if (m.status !== "active") {
    return { code: Codes.MEMBERSHIP_NOT_ACTIVE, message: `Only an active membership can be given away; this one is ${m.status}` }
  }
  if (m.shares.some((s) => s.customer_id === toCustomerId)) {
    return { code: Codes.ALREADY_CO_MEMBER, message: "The customer is a co-member of this membership: remove them as co-member first" }
  }
  return null
}
