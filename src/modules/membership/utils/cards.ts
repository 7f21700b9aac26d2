import { createHmac, timingSafeEqual } from "node:crypto"

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
