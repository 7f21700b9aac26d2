import { IDEMPOTENCY_KEY_HEADER } from "./types"

/**
 * The `Idempotency-Key` of the write being sent right now. `withIdempotencyKey` sets it while a
 * mutation's request function runs (synchronously), and the SDK's `fetch` (`lib/sdk.ts`) adds it
 * to the request it starts then, so every mutation sends one without each hook passing it on.
 */
let current: string | null = null

/** Runs `send` (which starts its request synchronously) with `key` as the request's key. */
export const withIdempotencyKey = <T>(key: string, send: () => T): T => {
  const previous = current
  current = key
  try {
    return send()
  } finally {
    current = previous
  }
}

/** The headers a write started now carries: its key, when one is set. */
export const idempotencyHeaders = (): Record<string, string> =>
  current ? { [IDEMPOTENCY_KEY_HEADER]: current } : {}

/** A new random key (`crypto.randomUUID` needs a secure context: plain http falls back to random bytes). */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID()
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** The same value gives the same text whatever the order of its keys (to tell a repeat from a new submission). */
export const fingerprint = (value: unknown): string => {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])])
          )
        : v
  try {
    return JSON.stringify(sort(value)) ?? "undefined"
  } catch {
    // Not serialisable: never taken for a repeat.
    return newIdempotencyKey()
  }
}
