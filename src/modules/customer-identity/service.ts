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

/**
 * A phone number as digits with its leading "+", in SQL. (No regex lookahead: a "?" in the
 * statement would be taken for a bound parameter.)
 */
const phoneSql = (column: string) =>
  `(CASE WHEN ${column} LIKE '+%' THEN '+' ELSE '' END || regexp_replace(${column}, '[^0-9]', '', 'g'))`

export type DuplicateMatch = "email" | "alternate_email" | "phone"

/** Which customers a list or search covers, and the page. `has_account` null: both kinds. */
export type CustomerListFilter = {
  archived: boolean
  has_account: boolean | null
  limit: number
  offset: number
}

/** Whether customer `c` is archived, in SQL. */
const ARCHIVED_SQL = `EXISTS (SELECT 1 FROM customer_archive ca WHERE ca.customer_id = c.id AND ca.deleted_at IS NULL)`

/** Lower case, trimmed: how addresses are compared and stored. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** Digits only (a leading + kept), so "+31 6 1234 5678" and "+31612345678" are one number. */
export const normalizePhone = (phone: string) => phone.replace(/(?!^\+)[^\d]/g, "")

/**
 * Alternate e-mails, and the set-based queries that find records of one person: the same primary
 * or alternate e-mail (case-insensitive) or the same phone number. The queries read Medusa's
 * `customer` table directly, in one place.
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

  /**
   * Other customers that share an address or a phone number with this one, with what matched.
   */
  @InjectManager()
  async findDuplicatesOf(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; matches: DuplicateMatch[] }[]> {
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `WITH me AS (
         SELECT id, lower(email) AS email, ${phoneSql("phone")} AS phone
         FROM customer WHERE id = ? AND deleted_at IS NULL
       ),
       my_emails AS (
         SELECT email FROM me WHERE email IS NOT NULL
         UNION SELECT email FROM customer_alternate_email WHERE customer_id = ? AND deleted_at IS NULL
       ),
       candidates AS (
         SELECT c.id, 'email' AS match FROM customer c
         WHERE c.deleted_at IS NULL AND c.id <> ? AND lower(c.email) IN (SELECT email FROM my_emails)
         UNION
         SELECT a.customer_id, 'alternate_email' FROM customer_alternate_email a
         WHERE a.deleted_at IS NULL AND a.customer_id <> ? AND a.email IN (SELECT email FROM my_emails)
         UNION
         SELECT c.id, 'phone' FROM customer c, me
         WHERE c.deleted_at IS NULL AND c.id <> me.id AND me.phone <> ''
           AND ${phoneSql("c.phone")} = me.phone
       )
       SELECT id AS customer_id, array_agg(DISTINCT match ORDER BY match) AS matches
       FROM candidates GROUP BY id ORDER BY id`,
      [customerId, customerId, customerId, customerId]
    )
    return rows.map((r) => ({ customer_id: r.customer_id as string, matches: r.matches as DuplicateMatch[] }))
  }

  /** A customer's addresses: the primary one (lower case) and the alternates. */
  @InjectManager()
  async emailsOf(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `SELECT lower(email) AS email FROM customer WHERE id = ? AND email IS NOT NULL AND email <> ''
       UNION
       SELECT email FROM customer_alternate_email WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId, customerId]
    )
    return rows.map((r) => r.email as string)
  }

  /**
   * The records of one person: the customer, and the other live records whose e-mail is the
   * customer's primary or an alternate e-mail (guest checkouts). Their orders are the customer's.
   */
  @InjectManager()
  async recordsOf(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const emails = await this.emailsOf(customerId, sharedContext)
    if (!emails.length) {
      return [customerId]
    }
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `SELECT id FROM customer WHERE deleted_at IS NULL AND lower(email) IN (${emails.map(() => "?").join(", ")})`,
      emails
    )
    return [...new Set([customerId, ...rows.map((r) => r.id as string)])]
  }

  /**
   * The customers an e-mail address belongs to: as their primary (case-insensitive) or an
   * alternate address. Deleted customers are left out.
   */
  @InjectManager()
  async findCustomersByEmails(
    emails: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const list = [...new Set(emails.filter(Boolean).map(normalizeEmail))]
    if (!list.length) {
      return []
    }
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `SELECT id AS customer_id FROM customer WHERE deleted_at IS NULL AND lower(email) IN (${list.map(() => "?").join(", ")})
       UNION
       SELECT customer_id FROM customer_alternate_email WHERE deleted_at IS NULL AND email IN (${list.map(() => "?").join(", ")})`,
      [...list, ...list]
    )
    return rows.map((r) => r.customer_id as string)
  }

  /**
   * Customers whose name, primary or alternate e-mail, or phone matches `q` (case-insensitive,
   * partial; phone compared on digits only), newest first, with what matched. `field` narrows it.
   */
  @InjectManager()
  async searchCustomers(
    q: string | null,
    field: "any" | "name" | "email" | "phone",
    list: CustomerListFilter,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ hits: { customer_id: string; matches: string[] }[]; count: number }> {
    if (!q) {
      return await this.listCustomersByStatus(list, sharedContext)
    }
    const like = `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const digits = normalizePhone(q)
    const phoneLike = digits.replace(/^\+/, "").length >= 3 ? `%${digits.replace(/^\+/, "")}%` : null
    const want = (f: string) => field === "any" || field === f
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `WITH hits AS (
         SELECT id AS customer_id, 'name' AS match FROM customer
         WHERE ? AND deleted_at IS NULL
           AND (lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) LIKE ?
             OR lower(coalesce(last_name, '') || ' ' || coalesce(first_name, '')) LIKE ?
             OR lower(coalesce(company_name, '')) LIKE ?)
         UNION
         SELECT id, 'email' FROM customer WHERE ? AND deleted_at IS NULL AND lower(email) LIKE ?
         UNION
         SELECT customer_id, 'alternate_email' FROM customer_alternate_email
         WHERE ? AND deleted_at IS NULL AND email LIKE ?
         UNION
         SELECT id, 'phone' FROM customer
         WHERE ? AND deleted_at IS NULL AND ?::text IS NOT NULL
           AND regexp_replace(phone, '[^0-9]', '', 'g') LIKE ?
       ),
       grouped AS (
         SELECT h.customer_id, array_agg(DISTINCT h.match ORDER BY h.match) AS matches, max(c.created_at) AS created_at
         FROM hits h JOIN customer c ON c.id = h.customer_id
         WHERE ${ARCHIVED_SQL} = ? AND (?::boolean IS NULL OR c.has_account = ?)
         GROUP BY h.customer_id
       )
       SELECT customer_id, matches, COUNT(*) OVER () AS total FROM grouped
       ORDER BY created_at DESC, customer_id LIMIT ? OFFSET ?`,
      [
        want("name"), like, like, like,
        want("email"), like,
        want("email"), like,
        want("phone"), phoneLike, phoneLike,
        list.archived, list.has_account, list.has_account,
        list.limit, list.offset,
      ]
    )
    return {
      hits: rows.map((r) => ({ customer_id: r.customer_id as string, matches: r.matches as string[] })),
      count: rows.length ? Number(rows[0].total) : 0,
    }
  }

  /** Customers newest first, active or archived: the list without a search. */
  @InjectManager()
  async listCustomersByStatus(
    list: CustomerListFilter,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ hits: { customer_id: string; matches: string[] }[]; count: number }> {
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `SELECT c.id AS customer_id, COUNT(*) OVER () AS total FROM customer c
       WHERE c.deleted_at IS NULL AND ${ARCHIVED_SQL} = ? AND (?::boolean IS NULL OR c.has_account = ?)
       ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?`,
      [list.archived, list.has_account, list.has_account, list.limit, list.offset]
    )
    return {
      hits: rows.map((r) => ({ customer_id: r.customer_id as string, matches: [] })),
      count: rows.length ? Number(rows[0].total) : 0,
    }
  }

  /**
   * Groups of two or more customers with one address (primary or alternate) or one phone number,
   * largest first, paged. One query over all customers.
   */
  @InjectManager()
  async listDuplicateGroups(
    limit: number,
    offset: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ groups: { match: "email" | "phone"; key: string; customer_ids: string[] }[]; count: number }> {
    const rows: Row[] = await (sharedContext.manager as any).execute(
      `WITH keys AS (
         SELECT 'email' AS match, lower(email) AS key, id AS customer_id FROM customer
         WHERE deleted_at IS NULL AND email IS NOT NULL AND email <> ''
         UNION
         SELECT 'email', email, customer_id FROM customer_alternate_email WHERE deleted_at IS NULL
         UNION
         SELECT 'phone', ${phoneSql("phone")}, id FROM customer
         WHERE deleted_at IS NULL AND phone IS NOT NULL AND ${phoneSql("phone")} <> ''
       ),
       active_keys AS (
         SELECT k.* FROM keys k JOIN customer c ON c.id = k.customer_id WHERE ${ARCHIVED_SQL} = false
       ),
       groups AS (
         SELECT match, key, array_agg(DISTINCT customer_id ORDER BY customer_id) AS customer_ids
         FROM active_keys GROUP BY match, key HAVING COUNT(DISTINCT customer_id) > 1
       )
       SELECT match, key, customer_ids, COUNT(*) OVER () AS total
       FROM groups ORDER BY array_length(customer_ids, 1) DESC, match, key
       LIMIT ? OFFSET ?`,
      [limit, offset]
    )
    return {
      groups: rows.map((r) => ({
        match: r.match as "email" | "phone",
        key: r.key as string,
        customer_ids: r.customer_ids as string[],
      })),
      count: rows.length ? Number(rows[0].total) : 0,
    }
  }
}

export default CustomerIdentityModuleService
