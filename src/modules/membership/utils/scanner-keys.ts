import { createHash, randomBytes } from "node:crypto"

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
