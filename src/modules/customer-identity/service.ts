import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CustomerAlternateEmail } from "./models/customer-alternate-email"
import { CustomerArchive } from "./models/customer-archive"
import { CustomerIdentityClaim } from "./models/customer-identity-claim"
import { CustomerMerge } from "./models/customer-merge"

export type CustomerIdentityModuleOptions = {
  /** How long a merge can be undone, in days (default 7). */
  merge_undo_days?: number
  /** How long a storefront claim code is valid, in minutes (default 30). */
  claim_code_minutes?: number
}

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
