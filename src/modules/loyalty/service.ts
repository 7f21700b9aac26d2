import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { LoyaltyAccount } from "./models/loyalty-account"
import { LoyaltyEntry, type LoyaltyEntryStatus, type LoyaltyEntryType } from "./models/loyalty-entry"
import { LoyaltyProgram } from "./models/loyalty-program"
import { LoyaltyErrorCodes, type LoyaltyEntryDetail } from "../../types/http/loyalty"

/** The id of the program's one settings row. */
export const LOYALTY_PROGRAM_ID = "loyalty_program"

export type LoyaltyBalance = {
  /** Spendable now: available entries, minus points held on carts. May be negative. */
  available: number
  /** Earned but not yet spendable. */
  pending: number
  /** Points held by redemptions on carts that have not become orders yet (>= 0). */
  held: number
  /** Everything ever earned on orders, net of reversals. */
  lifetime_earned: number
}

export type NewLoyaltyEntry = {
  customer_id: string
  type: LoyaltyEntryType
  points: number
  status: LoyaltyEntryStatus
  description?: string | null
  /** What happened, as data (see `LoyaltyEntryDetail` in the HTTP contract). */
  detail?: LoyaltyEntryDetail | null
  reason?: string | null
  order_id?: string | null
  cart_id?: string | null
  promotion_id?: string | null
  promotion_code?: string | null
  currency_code?: string | null
  amount?: number | null
  reference_id?: string | null
  created_by?: string | null
  available_at?: Date | null
  expires_at?: Date | null
}

export type ResolveRedemptionInput = {
  entry_id: string
  /** The order that spends the points, when one does. */
  order_id?: string | null
  /** How many of the held points the order used (0: none, the hold is given back). */
  used_points: number
  /** The description of the entry that returns the unused points. */
  returned_description?: string
  returned_detail?: LoyaltyEntryDetail
}

export type RedemptionResolution = {
  /** False when the entry was no longer pending: someone else resolved it first. */
  changed: boolean
  entry_id: string
  customer_id: string | null
  outcome: "spent" | "partial" | "void"
  spent: number
  returned: number
  /** Entries written (the return of unused points, an expiry): removed on compensation. */
  created_ids: string[]
}

type EntryFilter = {
  type: LoyaltyEntryType
  order_id?: string
  cart_id?: string
  status?: LoyaltyEntryStatus
}

/** An entry as the ledger holds it, for plans that build on earlier entries. */
export type LoyaltyLedgerRow = {
  id: string
  type: LoyaltyEntryType
  points: number
  status: LoyaltyEntryStatus
  reference_id: string | null
  available_at: Date | null
}

export type AppendLoyaltyEntriesInput = {
  account_id: string
  entries?: NewLoyaltyEntry[]
  /**
   * Builds the entries under the lock from the account's entries about one order, so that
   * what was already reversed is read and written in one critical section.
   */
  plan?: { order_id: string; build: (related: LoyaltyLedgerRow[]) => NewLoyaltyEntry[] }
  /** Refuse (400) when the points the entries take out exceed the available balance. */
  require_available?: boolean
  /** Write nothing when the account already has an entry matching this filter. */
  unless_exists?: EntryFilter
  /** Refuse (400, with this message and code) when the account already has an entry matching the filter. */
  refuse_if_exists?: { filter: EntryFilter; message: string; code?: string }
}

type Row = Record<string, unknown>

const EXPIRED_DETAIL: LoyaltyEntryDetail = { key: "points_expired", values: {} }

const ZERO_BALANCE: LoyaltyBalance = { available: 0, pending: 0, held: 0, lifetime_earned: 0 }

// Balances are sums over the ledger. Reversals of earns are negative and count against lifetime
// earnings; reversals of redemptions are positive and do not.
const BALANCE_SQL_TEMPLATE = `
  SELECT account_id,
    COALESCE(SUM(points) FILTER (WHERE status = 'available' OR (status = 'pending' AND type = 'redeem')), 0) AS available,
    COALESCE(SUM(points) FILTER (WHERE status = 'pending' AND type <> 'redeem'), 0) AS pending,
    COALESCE(-SUM(points) FILTER (WHERE status = 'pending' AND type = 'redeem'), 0) AS held,
    COALESCE(SUM(points) FILTER (WHERE status <> 'void' AND (type = 'earn' OR (type = 'reverse' AND points < 0))), 0) AS lifetime_earned
  FROM loyalty_entry
  WHERE deleted_at IS NULL /*accounts*/
  GROUP BY account_id`

/** The balance query for `count` accounts: one bound placeholder per id, never interpolated ids. */
const balanceSql = (count: number) =>
  BALANCE_SQL_TEMPLATE.replace(
    "/*accounts*/",
    count ? `AND account_id IN (${Array(count).fill("?").join(", ")})` : ""
  )

// Available credits (earns and additions, net of their reversals) that are still valid at `?`.
// With oldest-first spending, whatever the available balance holds beyond these has expired.
const VALID_CREDITS_SQL = `
  SELECT COALESCE(SUM(c.points + COALESCE((
    SELECT SUM(r.points) FROM loyalty_entry r
    WHERE r.reference_id = c.id AND r.type = 'reverse' AND r.status = 'available' AND r.deleted_at IS NULL
  ), 0)), 0) AS valid
  FROM loyalty_entry c
  WHERE c.account_id = ? AND c.deleted_at IS NULL AND c.status = 'available' AND c.points > 0
    AND c.type IN ('earn', 'adjust') AND (c.expires_at IS NULL OR c.expires_at > ?)`

// Valid credits at `?` (net of their reversals), summed per expiry date, earliest first; credits
// that never expire come last (NULLS LAST).
const CREDITS_BY_EXPIRY_SQL = `
  SELECT c.expires_at, SUM(c.points + COALESCE((
    SELECT SUM(r.points) FROM loyalty_entry r
    WHERE r.reference_id = c.id AND r.type = 'reverse' AND r.status = 'available' AND r.deleted_at IS NULL
  ), 0)) AS points
  FROM loyalty_entry c
  WHERE c.account_id = ? AND c.deleted_at IS NULL AND c.status = 'available' AND c.points > 0
    AND c.type IN ('earn', 'adjust') AND (c.expires_at IS NULL OR c.expires_at > ?)
  GROUP BY c.expires_at
  ORDER BY c.expires_at ASC NULLS LAST`

// Column names are never taken from input: only these two can be used.
const THROUGH_COLUMNS = { expired_through: "expired_through", reminded_through: "reminded_through" } as const

const toBalance = (row: Row): LoyaltyBalance => ({
  available: Number(row.available),
  pending: Number(row.pending),
  held: Number(row.held),
  lifetime_earned: Number(row.lifetime_earned),
})

class LoyaltyModuleService extends MedusaService({
  LoyaltyProgram,
  LoyaltyAccount,
  LoyaltyEntry,
}) {
  /**
   * The program's settings, created with the defaults the first time they are read. Two
   * instances creating it at once: the loser of the race reads the winner's row.
   */
  @InjectManager()
  async retrieveProgram(@MedusaContext() sharedContext: Context = {}) {
    const [program] = await this.listLoyaltyPrograms({ id: LOYALTY_PROGRAM_ID }, {}, sharedContext)
    if (program) {
      return program
    }
    try {
      return await this.createLoyaltyPrograms({ id: LOYALTY_PROGRAM_ID, rates: [] as any }, sharedContext)
    } catch {
      return await this.retrieveLoyaltyProgram(LOYALTY_PROGRAM_ID, {}, sharedContext)
    }
  }

  /** Balances per account id; accounts without entries get zeros. */
  @InjectManager()
  async getBalances(
    accountIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, LoyaltyBalance>> {
    const result: Record<string, LoyaltyBalance> = {}
    for (const id of accountIds) {
      result[id] = { ...ZERO_BALANCE }
    }
    if (!accountIds.length) {
      return result
    }
    const rows: Row[] = await this.manager(sharedContext).execute(
      balanceSql(accountIds.length),
      accountIds
    )
    for (const row of rows) {
      result[row.account_id as string] = toBalance(row)
    }
    return result
  }

  /**
   * How many of the account's available points are no longer valid at `at`: the points to expire
   * now (at = now) or soon (at = now + reminder days).
   */
  @InjectManager()
  async getExpiringPoints(
    accountId: string,
    at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const manager = this.manager(sharedContext)
    const [balance] = await manager.execute(balanceSql(1), [accountId])
    const available = balance ? Number(balance.available) : 0
    const [{ valid }] = await manager.execute(VALID_CREDITS_SQL, [accountId, at])
    return Math.max(0, available - Number(valid))
  }

  /**
   * Writes ledger entries under a row lock on the account, so that checks and writes on one
   * account happen one at a time (however many instances or requests): a redemption sees every
   * redemption before it and cannot overdraw; an order's earn cannot be written twice.
   * Returns the entries written: none when `unless_exists` matched.
   */
  @InjectManager()
  async appendEntries(
    input: AppendLoyaltyEntriesInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.appendEntries_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async appendEntries_(
    input: AppendLoyaltyEntriesInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await this.lockAccount(input.account_id, sharedContext.transactionManager)

    const exists = async (filter: EntryFilter) =>
      (
        await this.listLoyaltyEntries(
          { account_id: input.account_id, ...filter },
          { select: ["id"], take: 1 },
          sharedContext
        )
      ).length > 0

    if (input.unless_exists && (await exists(input.unless_exists))) {
      return []
    }
    if (input.refuse_if_exists && (await exists(input.refuse_if_exists.filter))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        input.refuse_if_exists.message,
        input.refuse_if_exists.code
      )
    }

    let entries = input.entries ?? []
    if (input.plan) {
      const related = await this.listLoyaltyEntries(
        { account_id: input.account_id, order_id: input.plan.order_id },
        {
          select: ["id", "type", "points", "status", "reference_id", "available_at"],
          order: { created_at: "ASC" },
        },
        sharedContext
      )
      entries = input.plan.build(
        related.map((e) => ({ ...e, points: Number(e.points) }) as LoyaltyLedgerRow)
      )
    }
    if (!entries.length) {
      return []
    }

    if (input.require_available) {
      const taken = entries.reduce((sum, e) => sum + Math.min(0, e.points), 0)
      const balance = (await this.getBalances([input.account_id], sharedContext))[input.account_id]
      if (taken < 0 && balance.available + taken < 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Only ${Math.max(0, balance.available)} points are available; ${-taken} were asked for`,
          LoyaltyErrorCodes.INSUFFICIENT_POINTS
        )
      }
    }

    return await this.createLoyaltyEntries(
      entries.map((entry) => ({ ...entry, account_id: input.account_id })),
      sharedContext
    )
  }

  /**
   * Writes an expire entry for the points no longer valid at `now` (oldest first) and marks the
   * account as expired through `now`, under the account's lock. Running it twice writes nothing
   * the second time. Returns the entry, or null when nothing expired.
   */
  @InjectManager()
  async expirePoints(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.expirePoints_(accountId, now, sharedContext)
  }

  @InjectTransactionManager()
  protected async expirePoints_(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await this.lockAccount(accountId, sharedContext.transactionManager)
    const points = await this.getExpiringPoints(accountId, now, sharedContext)
    const [account] = await this.listLoyaltyAccounts({ id: accountId }, { select: ["customer_id"] }, sharedContext)
    await this.updateLoyaltyAccounts({ id: accountId, expired_through: now }, sharedContext)
    if (points <= 0) {
      return null
    }
    const [entry] = await this.createLoyaltyEntries(
      [
        {
          account_id: accountId,
          customer_id: account.customer_id,
          type: "expire" as const,
          points: -points,
          status: "available" as const,
          description: "Points expired",
          detail: EXPIRED_DETAIL,
        },
      ],
      sharedContext
    )
    return entry
  }

  /**
   * Settles the points a redemption holds on a cart, once, under the account's lock:
   * - `used_points` >= the points held: all are spent (available, tied to the order);
   * - fewer: the redemption is spent and the unused points come back in a reverse entry (tied to
   *   the order, so a cancel later returns only what was spent);
   * - 0: nothing was used, the redemption is void and every point comes back.
   * Conditional on the entry still being pending: a second call (the same event twice, a release
   * racing an order) changes nothing and returns `changed: false`. Points that come back after the
   * expiry job passed their credits' date expire at once (see `expireOverdue`).
   */
  @InjectManager()
  async resolveRedemption(
    input: ResolveRedemptionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RedemptionResolution> {
    return await this.resolveRedemption_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async resolveRedemption_(
    input: ResolveRedemptionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RedemptionResolution> {
    const [entry] = await this.listLoyaltyEntries(
      { id: input.entry_id },
      { select: ["id", "account_id", "customer_id", "points", "status", "order_id"] },
      sharedContext
    )
    const unchanged: RedemptionResolution = {
      changed: false,
      entry_id: input.entry_id,
      customer_id: entry?.customer_id ?? null,
      outcome: "void",
      spent: 0,
      returned: 0,
      created_ids: [],
    }
    if (!entry) {
      return unchanged
    }
    const accountId = (entry as any).account_id as string
    await this.lockAccount(accountId, sharedContext.transactionManager)
    // Re-read under the lock: whoever came first decided.
    const knex = (sharedContext.transactionManager as any).getTransactionContext()
    const [current] = await knex("loyalty_entry")
      .where({ id: entry.id, deleted_at: null })
      .select("status", "points")
    if (!current || current.status !== "pending") {
      return unchanged
    }
    const held = -Number(current.points)
    const spent = Math.max(0, Math.min(held, Math.floor(input.used_points)))
    const returned = held - spent
    const orderId = spent > 0 ? input.order_id ?? null : null
    await knex("loyalty_entry")
      .where({ id: entry.id, status: "pending" })
      .update({ status: spent > 0 ? "available" : "void", order_id: orderId, updated_at: knex.fn.now() })

    const created: string[] = []
    if (spent > 0 && returned > 0) {
      const [reverse] = await this.createLoyaltyEntries(
        [
          {
            account_id: accountId,
            customer_id: entry.customer_id,
            type: "reverse" as const,
            points: returned,
            status: "available" as const,
            reference_id: entry.id,
            order_id: orderId,
            description: input.returned_description ?? "Points returned: not all were used",
            detail: input.returned_detail ?? { key: "points_returned", values: {} },
          },
        ],
        sharedContext
      )
      created.push(reverse.id)
    }
    if (returned > 0) {
      const expired = await this.expireOverdue_(accountId, entry.customer_id, sharedContext)
      if (expired) {
        created.push(expired)
      }
    }
    return {
      changed: true,
      entry_id: entry.id,
      customer_id: entry.customer_id,
      outcome: spent === 0 ? "void" : returned > 0 ? "partial" : "spent",
      spent,
      returned,
      created_ids: created,
    }
  }

  /** Undoes `resolveRedemption` (workflow compensation): the entry is pending again. */
  @InjectManager()
  async unresolveRedemption(
    resolution: RedemptionResolution,
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!resolution?.changed) {
      return
    }
    if (resolution.created_ids.length) {
      await this.deleteLoyaltyEntries(resolution.created_ids, sharedContext)
    }
    await this.updateLoyaltyEntries(
      { id: resolution.entry_id, status: "pending", order_id: null },
      sharedContext
    )
  }

  /**
   * Points that came back to an account (a hold released, an unused part returned, the spending
   * of a canceled order returned) after the
   * expiry job already passed the date of the credits they came from: with oldest-first spending,
   * they expire now, as they would have had they never been held. `expireOverdue` takes the
   * account's lock; the protected form runs under the caller's. Returns the expire entry's id, if
   * one was written.
   */
  @InjectManager()
  async expireOverdue(accountId: string, @MedusaContext() sharedContext: Context = {}) {
    return await this.expireOverdueLocked_(accountId, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireOverdueLocked_(accountId: string, @MedusaContext() sharedContext: Context = {}) {
    await this.lockAccount(accountId, sharedContext.transactionManager)
    const [account] = await this.listLoyaltyAccounts({ id: accountId }, { select: ["customer_id"] }, sharedContext)
    return account ? await this.expireOverdue_(accountId, account.customer_id, sharedContext) : null
  }

  @InjectTransactionManager()
  protected async expireOverdue_(
    accountId: string,
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    const [account] = await this.listLoyaltyAccounts(
      { id: accountId },
      { select: ["id", "expired_through"] },
      sharedContext
    )
    if (!account?.expired_through) {
      return null
    }
    const points = await this.getExpiringPoints(accountId, new Date(account.expired_through), sharedContext)
    if (points <= 0) {
      return null
    }
    const [entry] = await this.createLoyaltyEntries(
      [
        {
          account_id: accountId,
          customer_id: customerId,
          type: "expire" as const,
          points: -points,
          status: "available" as const,
          description: "Points expired",
          detail: EXPIRED_DETAIL,
        },
      ],
      sharedContext
    )
    return entry.id
  }

  /**
   * The next points to expire after `now`: the earliest credit date at which part of the
   * available balance stops being valid (oldest first), and how many points that is. Credits
   * already spent are skipped, so the answer moves on to later credits. Null when none expire.
   */
  @InjectManager()
  async getNextExpiry(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ points: number; expires_at: Date } | null> {
    const manager = this.manager(sharedContext)
    const [balance] = await manager.execute(balanceSql(1), [accountId])
    const available = balance ? Number(balance.available) : 0
    const rows: Row[] = await manager.execute(CREDITS_BY_EXPIRY_SQL, [accountId, now])
    const credits = rows.map((r) => ({ at: r.expires_at as Date | null, points: Number(r.points) }))
    const valid = credits.reduce((sum, c) => sum + c.points, 0)
    // What the balance holds beyond the valid credits is overdue (the job has not run yet).
    let expiring = available - valid
    const overdue = Math.max(0, expiring)
    for (const credit of credits) {
      if (!credit.at) {
        break
      }
      expiring += credit.points
      if (expiring - overdue > 0) {
        return { points: expiring - overdue, expires_at: new Date(credit.at) }
      }
    }
    return null
  }

  /**
   * Pending earns (and their reversals) whose time has come become available. Set-based and
   * idempotent; returns the entries released.
   */
  @InjectManager()
  async releaseDuePoints(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; account_id: string }[]> {
    return await this.releaseDuePoints_(now, limit, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseDuePoints_(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; account_id: string }[]> {
    const rows: Row[] = await this.manager(sharedContext).execute(
      `UPDATE loyalty_entry SET status = 'available', updated_at = now()
       WHERE id IN (
         SELECT id FROM loyalty_entry
         WHERE status = 'pending' AND type IN ('earn', 'reverse') AND deleted_at IS NULL
           AND available_at <= ?
         ORDER BY available_at
         LIMIT ?
         FOR UPDATE SKIP LOCKED
       )
       RETURNING id, account_id`,
      [now, limit]
    )
    return rows.map((r) => ({ id: r.id as string, account_id: r.account_id as string }))
  }

  /**
   * The order was paid: its entries pending for the payment (earns and their reversals without
   * `available_at`) get `availableAt` and become available when that is not in the future (the
   * release job takes them later otherwise). A conditional update: a second call, or two at once
   * (the capture event and the order's own earn), change each entry once. Returns the entries
   * changed.
   */
  @InjectManager()
  async releasePaidOrderPoints(
    orderId: string,
    availableAt: Date,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: LoyaltyEntryStatus }[]> {
    return await this.releasePaidOrderPoints_(orderId, availableAt, now, sharedContext)
  }

  @InjectTransactionManager()
  protected async releasePaidOrderPoints_(
    orderId: string,
    availableAt: Date,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: LoyaltyEntryStatus }[]> {
    const rows: Row[] = await this.manager(sharedContext).execute(
      `UPDATE loyalty_entry
       SET available_at = ?, status = CASE WHEN ?::timestamptz <= ?::timestamptz THEN 'available' ELSE 'pending' END,
         updated_at = now()
       WHERE order_id = ? AND status = 'pending' AND type IN ('earn', 'reverse')
         AND available_at IS NULL AND deleted_at IS NULL
       RETURNING id, status`,
      [availableAt, availableAt, now, orderId]
    )
    return rows.map((r) => ({ id: r.id as string, status: r.status as LoyaltyEntryStatus }))
  }

  /** Undoes `releasePaidOrderPoints` (workflow compensation): the entries wait for the payment again. */
  @InjectManager()
  async unreleasePaidOrderPoints(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (ids.length) {
      await this.updateLoyaltyEntries(
        ids.map((id) => ({ id, status: "pending" as const, available_at: null })),
        sharedContext
      )
    }
  }

  /**
   * Accounts with available credits that expire in (`after` per account, `until`]: `column` is
   * `expired_through` (expiry) or `reminded_through` (reminders). Ordered by id for paging.
   */
  @InjectManager()
  async listAccountsWithCreditsExpiring(
    column: "expired_through" | "reminded_through",
    until: Date,
    limit: number,
    afterId: string | null,
    /** Only credits expiring after this time (reminders are for points not yet expired). */
    since: Date | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const rows: Row[] = await this.manager(sharedContext).execute(
      `SELECT a.id FROM loyalty_account a
       WHERE a.deleted_at IS NULL AND (?::text IS NULL OR a.id > ?)
         AND EXISTS (
           SELECT 1 FROM loyalty_entry c
           WHERE c.account_id = a.id AND c.deleted_at IS NULL AND c.status = 'available'
             AND c.points > 0 AND c.type IN ('earn', 'adjust') AND c.expires_at <= ?
             AND (?::timestamptz IS NULL OR c.expires_at > ?)
             AND (a.${THROUGH_COLUMNS[column]} IS NULL OR c.expires_at > a.${THROUGH_COLUMNS[column]})
         )
       ORDER BY a.id
       LIMIT ?`,
      [afterId, afterId, until, since, since, limit]
    )
    return rows.map((r) => r.id as string)
  }

  /** Program-wide sums for the Loyalty page, in one query. */
  @InjectManager()
  async getProgramTotals(@MedusaContext() sharedContext: Context = {}) {
    const [row]: Row[] = await this.manager(sharedContext).execute(
      `WITH balances AS (${balanceSql(0)})
       SELECT
         (SELECT COUNT(*) FROM loyalty_account WHERE deleted_at IS NULL) AS accounts,
         (SELECT COUNT(*) FROM loyalty_account WHERE deleted_at IS NULL AND enrolled) AS enrolled,
         COALESCE(SUM(available), 0) AS available,
         COALESCE(SUM(pending), 0) AS pending,
         COALESCE(SUM(held), 0) AS held,
         COALESCE(SUM(lifetime_earned), 0) AS lifetime_earned,
         COUNT(*) FILTER (WHERE available < 0) AS negative_accounts,
         COALESCE(SUM(available) FILTER (WHERE available > 0), 0) AS outstanding
       FROM balances`
    )
    return {
      accounts: Number(row.accounts),
      enrolled: Number(row.enrolled),
      points_available: Number(row.available),
      points_pending: Number(row.pending),
      points_held: Number(row.held),
      points_lifetime_earned: Number(row.lifetime_earned),
      points_outstanding: Number(row.outstanding),
      negative_accounts: Number(row.negative_accounts),
    }
  }

  // The transaction context is required: FOR UPDATE on a pooled (autocommit) connection would
  // release the lock at once and serialize nothing, so fail loudly instead.
  protected async lockAccount(accountId: string, transactionManager: unknown) {
    const knex = (transactionManager as any)?.getTransactionContext?.()
    if (!knex) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "Loyalty ledger writes must run inside a transaction"
      )
    }
    await knex.raw("SET LOCAL lock_timeout = '30s'")
    const locked = await knex("loyalty_account")
      .where({ id: accountId, deleted_at: null })
      .forUpdate()
      .select("id")
    if (!locked.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Loyalty account with id: ${accountId} was not found`
      )
    }
  }

  protected manager(sharedContext: { transactionManager?: unknown; manager?: unknown }): any {
    return sharedContext.transactionManager ?? sharedContext.manager
  }
}

export default LoyaltyModuleService
