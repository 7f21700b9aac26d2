import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { DurationUnit } from "../modules/membership"
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
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullish(),
  level: z.number().int().min(0).max(1000),
  duration_unit: z.enum(["day", "month", "year", "lifetime"]),
  duration_value: z.number().int().min(1).max(1200).nullish(),
  customer_group_id: z.string().min(1).nullish(),
  variant_id: z.string().min(1).nullish(),
  max_shares: z.number().int().min(0).max(20),
  reminder_days: z.number().int().min(0).max(365),
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

const CARD_PREFIX = "MCRM1"

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

const signature = (number: string, key: Buffer) =>
  createHmac("sha256", key).update(number).digest("base64url").slice(0, 22)

/** What the card's QR code encodes: the number and a signature only the server can make. */
export function cardCode(number: string, key: Buffer) {
  return `${CARD_PREFIX}.${number}.${signature(number, key)}`
}

/** The number inside a card code when its signature is the server's own; null when forged. */
export function verifiedNumber(code: string, key: Buffer): string | null {
  const [prefix, number, sig, ...rest] = code.trim().split(".")
  if (prefix !== CARD_PREFIX || !number || !sig || rest.length) {
    return null
  }
  const expected = Buffer.from(signature(number, key))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given) ? number : null
}
