import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { DurationUnit } from "../modules/membership"
import { MEMBERSHIP_PLAN_LIMITS as LIMITS } from "../types/http/memberships"
import { addMonths } from "./loyalty"

/** Letters and digits that cannot be confused when read aloud or typed at the door (no 0/O, 1/I/L). */
const NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/** A human-friendly membership number: `M-7Q4K-X2PD` (31^8 ≈ 850 billion possibilities). */
export function newMembershipNumber() {
  const bytes = randomBytes(8)
  const chars = Array.from(bytes, (b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length])
  return `M-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`
}

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

/** "12 months", "1 year", "Lifetime". */
export function describeDuration(unit: DurationUnit, value: number | null) {
  if (unit === "lifetime") {
    return "Lifetime"
  }
  const n = value ?? 1
  return `${n} ${unit}${n === 1 ? "" : "s"}`
}

const planFields = {
  name: z.string().trim().min(1).max(LIMITS.nameMaxLength),
  description: z.string().trim().max(LIMITS.descriptionMaxLength).nullish(),
  level: z.number().int().min(0).max(LIMITS.levelMax),
  duration_unit: z.enum(["day", "month", "year", "lifetime"]),
  duration_value: z.number().int().min(1).max(LIMITS.durationValueMax).nullish(),
  customer_group_id: z.string().min(1).nullish(),
  variant_id: z.string().min(1).nullish(),
  max_shares: z.number().int().min(0).max(LIMITS.maxShares),
  reminder_days: z.number().int().min(0).max(LIMITS.reminderDays),
}

const durationIsComplete = (plan: { duration_unit?: string; duration_value?: number | null }) =>
  plan.duration_unit === undefined ||
  plan.duration_unit === "lifetime" ||
  (plan.duration_value !== undefined && plan.duration_value !== null)

export const createPlanSchema = z
  .object({
    ...planFields,
    max_shares: planFields.max_shares.default(0),
    reminder_days: planFields.reminder_days.default(14),
  })
  .strict()
  .refine(durationIsComplete, {
    message: "duration_value is required unless duration_unit is lifetime",
    path: ["duration_value"],
  })
export type CreatePlanInput = z.infer<typeof createPlanSchema>

export const updatePlanSchema = z
  .object(planFields)
  .partial()
  .strict()
  .refine(durationIsComplete, {
    message: "duration_value is required with duration_unit unless it is lifetime",
    path: ["duration_value"],
  })
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>

/**
 * Card codes carry who holds them and a version: `MCRM2.<number>.<seat>.<version>.<signature>`,
 * where the seat is `h` for the holder or the co-member's share id. The HMAC signature (made with
 * a key derived from the app's secret) makes them unguessable and unforgeable, while the server
 * keeps nothing secret per card: only the version on the membership and on each share.
 * `MCRM1.<number>.<signature>` codes from before were one code for holder and co-members alike;
 * they are recognised and check as replaced.
 */
const CARD_PREFIX = "MCRM2"
const LEGACY_CARD_PREFIX = "MCRM1"

/** The holder's seat; a co-member's seat is their share id. */
export const HOLDER_SEAT = "h"

/**
 * The secret that signs membership cards: the plugin's `membership_card_secret` option, else the
 * `CRM_CARD_SECRET` environment variable, else the app's JWT secret. A key for cards alone is
 * derived from it, so a card signature is never usable as anything else.
 */
export function cardSecret(container: { resolve: <T = any>(key: string) => T }, option?: string | null) {
  const base =
    option ||
    process.env.CRM_CARD_SECRET ||
    container.resolve<any>(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret
  return createHmac("sha256", String(base)).update("medusa-crm membership card").digest()
}

const signature = (payload: string, key: Buffer) =>
  createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22)

const sameSignature = (expected: string, given: string) => {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type CardSeat = { number: string; seat: string; version: number }

/** What the card's QR code encodes: the number, whose card it is and its version, signed. */
export function cardCode({ number, seat, version }: CardSeat, key: Buffer) {
  const payload = `${CARD_PREFIX}.${number}.${seat}.${version}`
  return `${payload}.${signature(payload, key)}`
}

export type ReadCardCode = ({ kind: "card" } & CardSeat) | { kind: "legacy"; number: string } | null

/**
 * What a scanned code says when the signature is the server's own: a card of a seat and version,
 * or a card of the earlier kind (one code per membership). Null when it is not ours or altered.
 */
export function readCardCode(code: string, key: Buffer): ReadCardCode {
  const parts = code.trim().split(".")
  if (parts[0] === CARD_PREFIX && parts.length === 5) {
    const [, number, seat, version, sig] = parts
    const payload = parts.slice(0, 4).join(".")
    if (!number || !seat || !/^[1-9][0-9]{0,8}$/.test(version) || !sameSignature(signature(payload, key), sig)) {
      return null
    }
    return { kind: "card", number, seat, version: Number(version) }
  }
  if (parts[0] === LEGACY_CARD_PREFIX && parts.length === 3) {
    const [, number, sig] = parts
    return number && sameSignature(signature(number, key), sig) ? { kind: "legacy", number } : null
  }
  return null
}

/**
 * The name on a card and at the door: first name and last initial ("Mia M."), never an e-mail
 * address (a name field holding one counts as empty); null when there is no first name, and the
 * caller shows a neutral label.
 */
export function cardName(person?: { first_name?: string | null; last_name?: string | null } | null) {
  const clean = (value?: string | null) => {
    const text = value?.trim() ?? ""
    return text.includes("@") ? "" : text
  }
  const first = clean(person?.first_name)
  if (!first) {
    return null
  }
  const initial = Array.from(clean(person?.last_name))[0]
  return initial ? `${first} ${initial.toLocaleUpperCase()}.` : first
}

/** The label shown instead of a name when the person has none. */
export const NO_CARD_NAME = "Member"

/**
 * How a person is shown to someone else (a co-member, a holder, the door): `cardName`, or "Member"
 * without a first name. Never an e-mail.
 *
 * @example
 * publicName({ first_name: "Jane", last_name: "Doe" }) // "Jane D."
 */
export const publicName = (person?: { first_name?: string | null; last_name?: string | null } | null) =>
  cardName(person) ?? NO_CARD_NAME

const SCANNER_KEY_PREFIX = "msk_"

/** A new scanner key: 256 random bits, shown once. */
export function newScannerKey() {
  return `${SCANNER_KEY_PREFIX}${randomBytes(32).toString("base64url")}`
}

/**
 * How a scanner key is stored: its SHA-256 hash. The key is 256 random bits, so a plain hash is
 * enough (no salt or slow hash needed), and it lets the key be looked up in one indexed query.
 */
export function hashScannerKey(key: string) {
  return createHash("sha256").update(key).digest("hex")
}

/** The key's start and end, for telling keys apart in a list. */
export function redactScannerKey(key: string) {
  return `${key.slice(0, SCANNER_KEY_PREFIX.length + 2)}…${key.slice(-4)}`
}

/** Whether a string is shaped like a scanner key (before it is looked up). */
export const looksLikeScannerKey = (key: string) => /^msk_[A-Za-z0-9_-]{43}$/.test(key)
