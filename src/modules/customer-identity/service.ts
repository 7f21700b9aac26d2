import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  claimCodeMatches,
  DEFAULT_CLAIM_LIMITS,
  MAX_CLAIM_ATTEMPTS,
  type ClaimLimit,
  type ClaimLimits,
  type ClaimRefusal,
} from "./claim-codes"
import { CustomerAlternateEmail } from "./models/customer-alternate-email"
import { CustomerArchive } from "./models/customer-archive"
import { CustomerIdentityClaim } from "./models/customer-identity-claim"
import { CustomerMerge } from "./models/customer-merge"

export type CustomerIdentityModuleOptions = {
  /** How long a merge can be undone, in days (default 7). */
  merge_undo_days?: number
  /** How long a storefront claim code is valid, in minutes (default 30). */
  claim_code_minutes?: number
} & Partial<ClaimLimits>

/** A claim as the storefront may see it: never its code hash. */
export type StoreIdentityClaim = {
  id: string
  email: string
  status: "pending" | "confirmed" | "failed"
  expires_at: Date
  attempts_left: number
  created_at: Date
}

/** What opening a claim did: the new claim and the open claims it replaced, or the limit that refused it. */
export type OpenedIdentityClaim =
  | { refused: null; claim: StoreIdentityClaim; replaced: string[] }
  | { refused: ClaimRefusal; claim: null; replaced: [] }

/** What checking a claim's code found. Wrong codes are counted (and kept) whatever follows. */
export type IdentityClaimCheck =
  | { outcome: "not_found" | "used" | "too_many_wrong" | "expired" }
  | { outcome: "refused"; refusal: ClaimRefusal }
  | { outcome: "wrong"; attempts_left: number }
  | { outcome: "confirmed"; claim: { id: string; email: string } }

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/** Seconds until a window that began at `oldest` lets the next one through (at least 1). */
const retryAfter = (oldest: unknown, window: number, now: Date) =>
  Math.max(1, Math.ceil((new Date(oldest as string).getTime() + window - now.getTime()) / 1000))

/** The advisory lock key that makes claims for one address, or by one customer, take turns. */
const claimLockKey = (kind: "address" | "customer", value: string) => `medusa-crm:claim-${kind}:${value}`

const toStoreClaim = (row: Row): StoreIdentityClaim => ({
  id: row.id as string,
  email: row.email as string,
  status: row.status as StoreIdentityClaim["status"],
  expires_at: new Date(row.expires_at as string),
  attempts_left: Math.max(0, MAX_CLAIM_ATTEMPTS - Number(row.attempts ?? 0)),
  created_at: new Date(row.created_at as string),
})

type Row = Record<string, unknown>

/** Lower case, trimmed: how addresses are compared and stored. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** Digits only (a leading + kept), so "+31 6 1234 5678" and "+31612345678" are one number. */
export const normalizePhone = (phone: string) => phone.replace(/(?!^\+)[^\d]/g, "")

/**
 * Alternate e-mails, archives, merges and storefront claims of customers. It touches only its own
 * tables: finding the records of one person, searching and finding duplicates read Medusa's
 * `customer` table too, so they are read models (`src/lib/queries`).
 */
class CustomerIdentityModuleService extends MedusaService({
  CustomerAlternateEmail,
  CustomerArchive,
  CustomerMerge,
  CustomerIdentityClaim,
}) {
  protected readonly options_: CustomerIdentityModuleOptions

  constructor(container: Record<string, unknown>, options: CustomerIdentityModuleOptions = {}) {
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.options_ = options ?? {}
  }

  /** How long a merge can be undone, in days. */
  async getMergeUndoDays(): Promise<number> {
    const days = Number(this.options_.merge_undo_days ?? process.env.CRM_MERGE_UNDO_DAYS ?? 7)
    return Number.isFinite(days) && days >= 0 ? days : 7
  }

  /** How long a claim code is valid, in minutes. */
  async getClaimCodeMinutes(): Promise<number> {
    const minutes = Number(this.options_.claim_code_minutes ?? 30)
    return Number.isFinite(minutes) && minutes > 0 ? minutes : 30
  }

  /** How many claim codes may go out, and wrong codes come in, per window: the options, else the defaults. */
  async getClaimLimits(): Promise<ClaimLimits> {
    const limits = { ...DEFAULT_CLAIM_LIMITS }
    for (const key of Object.keys(limits) as ClaimLimit[]) {
      const value = Number(this.options_[key] ?? limits[key])
      limits[key] = Number.isInteger(value) && value > 0 ? value : DEFAULT_CLAIM_LIMITS[key]
    }
    return limits
  }

  /**
   * Opens a storefront claim of `email` for the customer, within the claim limits (codes per
   * customer an hour; per address an hour and a day; wrong codes per address a day), and spends
   * the customer's earlier open claims for that address. Returns the limit that refused it
   * instead, with nothing written.
   *
   * Counting and inserting happen in one transaction that first takes advisory locks on the
   * customer and on the address (always in that order, so two requests never wait on each other
   * in a circle). Parallel requests for one address or by one customer therefore take turns, and
   * each counts the claims the ones before it made: the limits hold under any number of requests
   * and instances. The locks end with the transaction.
   */
  @InjectManager()
  async openIdentityClaim(
    input: { customer_id: string; email: string; code_hash: string; expires_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OpenedIdentityClaim> {
    return await this.openIdentityClaim_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async openIdentityClaim_(
    input: { customer_id: string; email: string; code_hash: string; expires_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OpenedIdentityClaim> {
    const manager = sharedContext.transactionManager as any
    const email = normalizeEmail(input.email)
    const limits = await this.getClaimLimits()
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [claimLockKey("customer", input.customer_id)])
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [claimLockKey("address", email)])

    // Every code sent counts, whatever became of its claim (used, replaced, spent).
    const now = new Date()
    const hourAgo = new Date(now.getTime() - HOUR)
    const dayAgo = new Date(now.getTime() - DAY)
    const [counts]: Row[] = await manager.execute(
      `SELECT
         COUNT(*) FILTER (WHERE customer_id = ? AND created_at > ?) AS customer_hour,
         MIN(created_at) FILTER (WHERE customer_id = ? AND created_at > ?) AS customer_hour_since,
         COUNT(*) FILTER (WHERE email = ? AND created_at > ?) AS address_hour,
         MIN(created_at) FILTER (WHERE email = ? AND created_at > ?) AS address_hour_since,
         COUNT(*) FILTER (WHERE email = ?) AS address_day,
         MIN(created_at) FILTER (WHERE email = ?) AS address_day_since,
         COALESCE(SUM(attempts) FILTER (WHERE email = ?), 0) AS wrong_day,
         MIN(created_at) FILTER (WHERE email = ? AND attempts > 0) AS wrong_day_since
       FROM customer_identity_claim
       WHERE (customer_id = ? OR email = ?) AND created_at > ? AND deleted_at IS NULL`,
      [
        input.customer_id, hourAgo, input.customer_id, hourAgo,
        email, hourAgo, email, hourAgo,
        email, email, email, email,
        input.customer_id, email, dayAgo,
      ]
    )
    const checks: [ClaimLimit, unknown, unknown, number][] = [
      ["claim_codes_per_customer_per_hour", counts.customer_hour, counts.customer_hour_since, HOUR],
      ["claim_codes_per_address_per_hour", counts.address_hour, counts.address_hour_since, HOUR],
      ["claim_codes_per_address_per_day", counts.address_day, counts.address_day_since, DAY],
      ["claim_wrong_codes_per_address_per_day", counts.wrong_day, counts.wrong_day_since, DAY],
    ]
    for (const [limit, count, since, window] of checks) {
      if (Number(count) >= limits[limit]) {
        return { refused: { limit, retry_after: retryAfter(since, window, now) }, claim: null, replaced: [] }
      }
    }

    const replaced: Row[] = await manager.execute(
      `UPDATE customer_identity_claim SET status = 'failed', updated_at = now()
       WHERE customer_id = ? AND email = ? AND status = 'pending' AND deleted_at IS NULL
       RETURNING id`,
      [input.customer_id, email]
    )
    const [claim]: Row[] = await manager.execute(
      `INSERT INTO customer_identity_claim (id, customer_id, email, code_hash, expires_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       RETURNING id, email, status, attempts, expires_at, created_at`,
      [generateEntityId(undefined, "cclaim"), input.customer_id, email, input.code_hash, input.expires_at, now, now]
    )
    return { refused: null, claim: toStoreClaim(claim), replaced: replaced.map((r) => r.id as string) }
  }

  /**
   * Checks a code against the customer's claim and, when it is right, spends the claim
   * (`confirmed`). A wrong code is counted, and the claim is spent (`failed`) at
   * `MAX_CLAIM_ATTEMPTS`. Nothing is evaluated for a claim that is not pending, has expired, or
   * whose address has had its wrong codes for the day.
   *
   * One transaction holds the address's advisory lock (as `openIdentityClaim` does) and the
   * claim's row lock while it reads, compares and writes: confirms for one address take turns,
   * so however many arrive at once, each sees the attempts and the status the ones before it
   * wrote. The writes are conditional on the claim still being pending as well.
   */
  @InjectManager()
  async checkIdentityClaimCode(
    input: { claim_id: string; customer_id: string; code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IdentityClaimCheck> {
    return await this.checkIdentityClaimCode_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async checkIdentityClaimCode_(
    input: { claim_id: string; customer_id: string; code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IdentityClaimCheck> {
    const manager = sharedContext.transactionManager as any
    const [owned]: Row[] = await manager.execute(
      `SELECT email FROM customer_identity_claim WHERE id = ? AND customer_id = ? AND deleted_at IS NULL`,
      [input.claim_id, input.customer_id]
    )
    if (!owned) {
      return { outcome: "not_found" }
    }
    // The address lock first, then the row: the order `openIdentityClaim` takes them in.
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [claimLockKey("address", owned.email as string)])
    const [claim]: Row[] = await manager.execute(
      `SELECT id, email, code_hash, status, attempts, expires_at FROM customer_identity_claim
       WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.claim_id]
    )
    if (!claim) {
      return { outcome: "not_found" }
    }
    if (claim.status !== "pending") {
      return { outcome: claim.status === "failed" && Number(claim.attempts) >= MAX_CLAIM_ATTEMPTS ? "too_many_wrong" : "used" }
    }
    const now = new Date()
    if (new Date(claim.expires_at as string).getTime() < now.getTime()) {
      return { outcome: "expired" }
    }
    const limits = await this.getClaimLimits()
    const [wrong]: Row[] = await manager.execute(
      `SELECT COALESCE(SUM(attempts), 0) AS total, MIN(created_at) FILTER (WHERE attempts > 0) AS since
       FROM customer_identity_claim WHERE email = ? AND created_at > ? AND deleted_at IS NULL`,
      [claim.email, new Date(now.getTime() - DAY)]
    )
    if (Number(wrong.total) >= limits.claim_wrong_codes_per_address_per_day) {
      const limit: ClaimLimit = "claim_wrong_codes_per_address_per_day"
      return { outcome: "refused", refusal: { limit, retry_after: retryAfter(wrong.since, DAY, now) } }
    }
    if (!claimCodeMatches(claim.code_hash as string, input.code)) {
      const [counted]: Row[] = await manager.execute(
        `UPDATE customer_identity_claim
         SET attempts = attempts + 1,
             status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE status END,
             updated_at = now()
         WHERE id = ? AND status = 'pending' AND attempts < ?
         RETURNING attempts`,
        [MAX_CLAIM_ATTEMPTS, claim.id, MAX_CLAIM_ATTEMPTS]
      )
      if (!counted) {
        return { outcome: "too_many_wrong" }
      }
      return { outcome: "wrong", attempts_left: Math.max(0, MAX_CLAIM_ATTEMPTS - Number(counted.attempts)) }
    }
    const [confirmed]: Row[] = await manager.execute(
      `UPDATE customer_identity_claim SET status = 'confirmed', confirmed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending'
       RETURNING id, email`,
      [claim.id]
    )
    if (!confirmed) {
      return { outcome: "used" }
    }
    return { outcome: "confirmed", claim: { id: confirmed.id as string, email: confirmed.email as string } }
  }

  /**
   * Opens a confirmed claim again (its confirmation was undone because what followed failed).
   * Only a confirmed claim: one that was spent otherwise in the meantime stays spent.
   */
  @InjectManager()
  async reopenIdentityClaim(claimId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as any).execute(
      `UPDATE customer_identity_claim SET status = 'pending', confirmed_at = NULL, updated_at = now()
       WHERE id = ? AND status = 'confirmed'`,
      [claimId]
    )
  }

  /** A customer's claim as the storefront sees it, or null when it is not theirs. */
  @InjectManager()
  async retrieveStoreIdentityClaim(
    claimId: string,
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoreIdentityClaim | null> {
    const [row]: Row[] = await (sharedContext.manager as any).execute(
      `SELECT id, email, status, attempts, expires_at, created_at FROM customer_identity_claim
       WHERE id = ? AND customer_id = ? AND deleted_at IS NULL`,
      [claimId, customerId]
    )
    return row ? toStoreClaim(row) : null
  }
}

export default CustomerIdentityModuleService
