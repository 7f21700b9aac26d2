import { randomBytes } from "node:crypto"

/** Letters and digits that cannot be confused when read aloud or typed at the door (no 0/O, 1/I/L). */
const NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/** A human-friendly membership number: `M-7Q4K-X2PD` (31^8 ≈ 850 billion possibilities). */
export function newMembershipNumber() {
  const bytes = randomBytes(8)
  const chars = Array.from(bytes, (b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length])
  return `M-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`
}

/** How the timeline names a membership: "Friends (M-7Q4K-X2PD)". */
export const membershipLabel = (m: { number: string; plan: { name: string } }) => `${m.plan.name} (${m.number})`
