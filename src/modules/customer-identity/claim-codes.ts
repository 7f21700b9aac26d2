import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto"

/** Wrong codes a claim tolerates: the last of them spends it. */
export const MAX_CLAIM_ATTEMPTS = 5

/**
 * How many claim codes may be sent, and wrong codes entered, per window. Each is a module option
 * of `customer_identity` (same name); these are the defaults.
 */
export const DEFAULT_CLAIM_LIMITS = {
  /** Codes one customer may ask for in an hour (any addresses). */
  claim_codes_per_customer_per_hour: 5,
  /** Codes sent to one address in an hour, whoever asked. */
  claim_codes_per_address_per_hour: 3,
  /** Codes sent to one address in a day, whoever asked. */
  claim_codes_per_address_per_day: 10,
  /** Wrong codes entered for one address in a day, over all its claims. */
  claim_wrong_codes_per_address_per_day: 10,
}

export type ClaimLimits = typeof DEFAULT_CLAIM_LIMITS
export type ClaimLimit = keyof ClaimLimits

/** A claim limit that was reached, and in how many seconds it lets the next one through. */
export type ClaimRefusal = { limit: ClaimLimit; retry_after: number }

/** A random six-digit code. */
export const newClaimCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0")

const digest = (salt: string, code: string) => createHash("sha256").update(`${salt}:${code}`).digest("hex")

/** `<salt>.<sha256(salt:code)>`: what is stored instead of the code. */
export const hashClaimCode = (code: string) => {
  const salt = randomBytes(16).toString("hex")
  return `${salt}.${digest(salt, code)}`
}

/** Whether `code` is the one behind `stored`, compared in constant time. */
export const claimCodeMatches = (stored: string, code: string) => {
  const [salt, hash] = stored.split(".")
  const expected = Buffer.from(hash ?? "", "hex")
  const given = Buffer.from(digest(salt ?? "", code), "hex")
  return expected.length === given.length && timingSafeEqual(expected, given)
}
