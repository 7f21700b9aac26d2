import type {
  CrmRange,
  CustomerListColumn,
  CustomerListFilter,
  CustomerListRow,
  CustomerListSortField,
} from "../../types/http/customer-list"
import type { CustomerSearchMatch } from "../../types/http/identity"
import { normalizePhone } from "../../modules/customer-identity"
import { ARCHIVED_SQL, ERASED_SQL, phoneKey } from "./customer-search"
import { companySql, nameReversedSql, nameSql, phoneDigitsSql } from "../list-search-indexes"
import { selectRows, type SqlSource } from "./sql"

/**
 * The CRM customer list: one filter (see `CustomerListFilter`) turned into set-based SQL over
 * Medusa's `customer` and the plugin's own tables (metrics per currency, tags, memberships, loyalty
 * ledger, consent log, stores, archive, erasure log). The list page, segments (count, sync into a
 * group), exports and reports all select customers through `customerListSql`, so a customer is in
 * a segment exactly when the list shows them under the segment's filter.
 *
 * Aliases: `c` is the customer, `m` its metrics row in the list's currency (LEFT JOIN: no orders,
 * no row). Anonymized and deleted customers are never listed.
 */

// The searched expressions are trigram-indexed exactly as `list-search-indexes` writes them.
/** The name as searched: "first last". */
export const NAME_SQL = nameSql()
/** The name as sorted: "last first". */
const NAME_REVERSED_SQL = nameReversedSql()

/**
 * Points available to spend: the loyalty ledger's available entries plus held redemptions (as the
 * loyalty module counts them), read from `loyalty_account.balance`, which the database keeps equal
 * to that sum on every ledger change. A customer without an account has 0.
 */
export const LOYALTY_BALANCE_SQL = `COALESCE((
  SELECT la.balance FROM loyalty_account la WHERE la.customer_id = c.id AND la.deleted_at IS NULL), 0)`

/**
 * A balance range as conditions the balance index serves: a range without 0 is an index range of
 * the accounts; a range with 0 (which customers without an account are in) excludes the accounts
 * outside it.
 */
function loyaltyBalanceConditions(r: CrmRange<number>, bind: (v: unknown) => string): string {
  const inRange = rangeConditions("la.balance", r, bind).join(" AND ")
  return admitsZero(r)
    ? `NOT EXISTS (SELECT 1 FROM loyalty_account la WHERE la.customer_id = c.id AND la.deleted_at IS NULL AND NOT (${inRange}))`
    : `c.id IN (SELECT la.customer_id FROM loyalty_account la WHERE la.deleted_at IS NULL AND ${inRange})`
}

const AVERAGE_ORDER_SQL = `(m.sales / NULLIF(m.orders, 0))`
const DAYS_SINCE_SQL = `floor(extract(epoch FROM (now() - m.last_order_at)) / 86400)::int`

/** SQL of each sortable column (nulls always sort last). */
const SORT_SQL: Record<CustomerListSortField, string> = {
  created_at: "c.created_at",
  email: "lower(c.email)",
  first_name: "lower(c.first_name)",
  last_name: "lower(c.last_name)",
  name: NAME_REVERSED_SQL,
  lifetime_value: "m.lifetime_value",
  sales: "m.sales",
  order_count: "COALESCE(m.orders, 0)",
  average_order_value: AVERAGE_ORDER_SQL,
  first_order_at: "m.first_order_at",
  last_order_at: "m.last_order_at",
  // More days since the last order is an older last order.
  days_since_last_order: "m.last_order_at",
  loyalty_balance: LOYALTY_BALANCE_SQL,
}

/** The values a statement binds, named. */
type Values = Record<string, unknown>

/** A filter as SQL: the FROM with its join, the WHERE conditions, and their values. */
export type CustomerListSql = { from: string; where: string; values: Values }

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Whether a range admits 0 (customers without a metrics row count as 0 there). */
const admitsZero = (r: CrmRange<number>) =>
  (r.gt === undefined || 0 > r.gt) &&
  (r.gte === undefined || 0 >= r.gte) &&
  (r.lt === undefined || 0 < r.lt) &&
  (r.lte === undefined || 0 <= r.lte)

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD (UTC). */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * Whether any customer is anonymized (or deleted) and whether any is archived. Where none is, the
 * list leaves that condition out: Postgres plans the anti-join against an empty, never analyzed
 * table as a nested loop, which costs a rescan per customer (85 ms over 100,000 customers).
 */
export type ListPresence = { erased: boolean; archived: boolean }

/** `ListPresence` of the store now: two index-free probes of tiny cost. */
export async function listPresence(source: SqlSource): Promise<ListPresence> {
  const [row] = await selectRows(
    source,
    `SELECT EXISTS (SELECT 1 FROM privacy_erasure WHERE deleted_at IS NULL) AS erased,
            EXISTS (SELECT 1 FROM customer_archive WHERE deleted_at IS NULL) AS archived`
  )
  return { erased: !!row?.erased, archived: !!row?.archived }
}

/**
 * Builds a filter's SQL. `currency` is the metrics' currency (`defaultCurrency` when the filter
 * names none). Every value is bound; column names come from this file only.
 */
export function customerListSql(
  filter: CustomerListFilter,
  currency: string,
  present: ListPresence = { erased: true, archived: true }
): CustomerListSql {
  const where: string[] = ["c.deleted_at IS NULL"]
  if (present.erased) {
    where.push(`NOT ${ERASED_SQL}`)
  }
  const values: Values = { currency }
  let n = 0
  const bind = (value: unknown) => {
    const name = `v${n++}`
    values[name] = value
    return `:${name}`
  }

  if (filter.status === "archived") {
    where.push(present.archived ? ARCHIVED_SQL : "false")
  } else if (present.archived) {
    where.push(`NOT ${ARCHIVED_SQL}`)
  }
  if (filter.account === "online") {
    where.push("c.has_account = true")
  } else if (filter.account === "guest") {
    where.push("c.has_account = false")
  }
  if (filter.id?.length) {
    where.push(`c.id = ANY(${bind(filter.id)})`)
  }

  if (filter.q) {
    where.push(searchSetSql(filter.q, filter.field ?? "any", bind))
  }

  if (filter.tags?.length) {
    const clauses = filter.tags.map((tag) => {
      const at = tag.indexOf(":")
      const key = at < 0 ? tag : tag.slice(0, at)
      const value = at < 0 ? null : tag.slice(at + 1)
      return `EXISTS (SELECT 1 FROM customer_tag t JOIN customer_tag_definition d ON d.id = t.definition_id
        WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND d.deleted_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now())
          AND d.key = ${bind(key)}${value === null ? "" : ` AND lower(t.value) = lower(${bind(value)})`})`
    })
    const match = filter.tags_match ?? "any"
    where.push(
      match === "all"
        ? `(${clauses.join(" AND ")})`
        : match === "none"
          ? `NOT (${clauses.join(" OR ")})`
          : `(${clauses.join(" OR ")})`
    )
  }

  if (filter.membership_plan_id?.length || filter.membership_status?.length) {
    const parts = ["ms.customer_id = c.id", "ms.deleted_at IS NULL"]
    if (filter.membership_plan_id?.length) {
      parts.push(`ms.plan_id = ANY(${bind(filter.membership_plan_id)})`)
    }
    if (filter.membership_status?.length) {
      parts.push(`ms.status = ANY(${bind(filter.membership_status)})`)
    }
    where.push(`EXISTS (SELECT 1 FROM membership ms WHERE ${parts.join(" AND ")})`)
  }

  if (filter.loyalty_balance) {
    where.push(loyaltyBalanceConditions(filter.loyalty_balance, bind))
  }
  const money = (column: string, r: CrmRange<number> | undefined) => {
    if (!r) {
      return
    }
    const conditions = rangeConditions(column, r, bind)
    where.push(admitsZero(r) ? `(${column} IS NULL OR (${conditions.join(" AND ")}))` : conditions.join(" AND "))
  }
  money("m.lifetime_value", filter.lifetime_value)
  money("m.orders", filter.order_count)
  if (filter.average_order_value) {
    where.push(...rangeConditions(AVERAGE_ORDER_SQL, filter.average_order_value, bind))
  }
  if (filter.first_order_at) {
    where.push(...dateConditions("m.first_order_at", filter.first_order_at, bind))
  }
  if (filter.last_order_at) {
    where.push(...dateConditions("m.last_order_at", filter.last_order_at, bind))
  }
  if (filter.days_since_last_order) {
    // Whole days since the last order, as a window on `last_order_at` (so its index serves):
    // days >= N is an order at least N days ago; days <= N is one less than N + 1 days ago.
    const r = filter.days_since_last_order
    const ago = (days: number) => `now() - make_interval(days => ${bind(days)})`
    where.push("m.last_order_at IS NOT NULL")
    if (r.gte !== undefined) where.push(`m.last_order_at <= ${ago(r.gte)}`)
    if (r.gt !== undefined) where.push(`m.last_order_at <= ${ago(r.gt + 1)}`)
    if (r.lte !== undefined) where.push(`m.last_order_at > ${ago(r.lte + 1)}`)
    if (r.lt !== undefined) where.push(`m.last_order_at > ${ago(r.lt)}`)
  }
  if (filter.created_at) {
    where.push(...dateConditions("c.created_at", filter.created_at, bind))
  }

  for (const handle of filter.consents ?? []) {
    where.push(`EXISTS (SELECT 1 FROM privacy_consent_purpose p WHERE p.handle = ${bind(handle)} AND p.deleted_at IS NULL
      AND (SELECT pc.granted FROM privacy_consent pc
           WHERE pc.customer_id = c.id AND pc.purpose_id = p.id AND pc.deleted_at IS NULL
           ORDER BY pc.occurred_at DESC, pc.id DESC LIMIT 1) IS TRUE)`)
  }
  if (filter.sales_channel_id?.length) {
    where.push(`EXISTS (SELECT 1 FROM customer_store cs WHERE cs.customer_id = c.id AND cs.deleted_at IS NULL
      AND cs.sales_channel_id = ANY(${bind(filter.sales_channel_id)}))`)
  }
  if (filter.group_id?.length) {
    where.push(`EXISTS (SELECT 1 FROM customer_group_customer g WHERE g.customer_id = c.id AND g.deleted_at IS NULL
      AND g.customer_group_id = ANY(${bind(filter.group_id)}))`)
  }

  return {
    from: `customer c LEFT JOIN customer_metric m
      ON m.customer_id = c.id AND m.currency_code = :currency AND m.deleted_at IS NULL`,
    where: where.join("\n  AND "),
    values,
  }
}

function rangeConditions(column: string, r: CrmRange<number>, bind: (v: unknown) => string): string[] {
  const out: string[] = []
  if (r.gt !== undefined) out.push(`${column} > ${bind(r.gt)}`)
  if (r.gte !== undefined) out.push(`${column} >= ${bind(r.gte)}`)
  if (r.lt !== undefined) out.push(`${column} < ${bind(r.lt)}`)
  if (r.lte !== undefined) out.push(`${column} <= ${bind(r.lte)}`)
  return out
}

/** A date (`2026-01-31`: its midnight) or a date-time without a zone, as UTC. */
const utc = (v: string) => (DATE_ONLY.test(v) ? `${v}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`)

/** Date ranges (UTC); a date without a time covers its whole day: `lte=2026-01-31` includes the 31st. */
function dateConditions(column: string, r: CrmRange<string>, bind: (v: unknown) => string): string[] {
  const out: string[] = []
  const at = (v: string) => `${bind(utc(v))}::timestamptz`
  if (r.gt !== undefined) out.push(DATE_ONLY.test(r.gt) ? `${column} >= ${at(nextDay(r.gt))}` : `${column} > ${at(r.gt)}`)
  if (r.gte !== undefined) out.push(`${column} >= ${at(r.gte)}`)
  if (r.lt !== undefined) out.push(`${column} < ${at(r.lt)}`)
  if (r.lte !== undefined) out.push(DATE_ONLY.test(r.lte) ? `${column} < ${at(nextDay(r.lte))}` : `${column} <= ${at(r.lte)}`)
  return out
}

/**
 * The search as a set of customer ids: the customer table's conditions (name, company, e-mail,
 * phone: each served by a trigram index, combined by a bitmap OR) united with the alternate
 * e-mails' (their own trigram index). An OR across both tables in one WHERE would read every customer.
 */
function searchSetSql(
  q: string,
  field: NonNullable<CustomerListFilter["field"]>,
  bind: (v: unknown) => string
): string {
  const conditions = searchConditions(q, field, bind, "s")
  const own = conditions.filter((x) => x.match !== "alternate_email").map((x) => x.sql)
  const parts: string[] = []
  if (own.length) {
    parts.push(`SELECT s.id FROM customer s WHERE s.deleted_at IS NULL AND (${own.join(" OR ")})`)
  }
  if (conditions.some((x) => x.match === "alternate_email")) {
    parts.push(`SELECT ae.customer_id FROM customer_alternate_email ae WHERE ae.deleted_at IS NULL AND ae.email LIKE ${conditions.find((x) => x.match === "alternate_email")!.like}`)
  }
  return parts.length ? `c.id IN (${parts.join("\n    UNION ")})` : "false"
}

/** The search's conditions over customer `alias`, each with what it matches (for `matched_by`). */
function searchConditions(
  q: string,
  field: NonNullable<CustomerListFilter["field"]>,
  bind: (v: unknown) => string,
  alias = "c"
): { match: CustomerSearchMatch; sql: string; like: string }[] {
  const like = bind(`%${escapeLike(q.trim().toLowerCase())}%`)
  const want = (f: string) => field === "any" || field === f
  const out: { match: CustomerSearchMatch; sql: string; like: string }[] = []
  if (want("name")) {
    out.push({
      match: "name",
      like,
      sql: `${nameSql(alias)} LIKE ${like} OR ${nameReversedSql(alias)} LIKE ${like} OR ${companySql(alias)} LIKE ${like}`,
    })
  }
  if (want("email")) {
    out.push({ match: "email", like, sql: `lower(${alias}.email) LIKE ${like}` })
    out.push({
      match: "alternate_email",
      like,
      sql: `EXISTS (SELECT 1 FROM customer_alternate_email ae WHERE ae.customer_id = ${alias}.id AND ae.deleted_at IS NULL AND ae.email LIKE ${like})`,
    })
  }
  if (want("phone")) {
    // The digits as typed, or the national significant number (see `phoneKey`).
    const digits = normalizePhone(q).replace(/^\+/, "")
    const key = phoneKey(q)
    const phone: string[] = []
    if (digits.length >= 3) phone.push(`${phoneDigitsSql(alias)} LIKE ${bind(`%${digits}%`)}`)
    if (key.length >= 3 && key !== digits) phone.push(`${phoneDigitsSql(alias)} LIKE ${bind(`%${key}%`)}`)
    if (phone.length) {
      out.push({ match: "phone", like, sql: phone.join(" OR ") })
    }
  }
  return out.map((x) => ({ ...x, sql: `(${x.sql})` }))
}

/** The list's order when none is asked: newest first. */
export const CUSTOMER_LIST_DEFAULT_ORDER = "-created_at"

/**
 * `order` (`-lifetime_value`) as ORDER BY: nulls last both ways (no figure in this currency), then
 * the id, so rows with equal values keep one order and pages never overlap or skip a row.
 */
export function customerListOrderSql(order: string | undefined): string {
  const asked = order || CUSTOMER_LIST_DEFAULT_ORDER
  const desc = asked.startsWith("-")
  const field = asked.replace(/^-/, "") as CustomerListSortField
  const column = SORT_SQL[field] ?? SORT_SQL.created_at
  // Days since the last order run the other way from the date they are computed from.
  const direction = field === "days_since_last_order" ? (desc ? "ASC" : "DESC") : desc ? "DESC" : "ASC"
  return `${column} ${direction} NULLS LAST, c.id ${desc ? "DESC" : "ASC"}`
}

/** The store's default currency (lower case), or the first it supports; `usd` when it has none. */
export async function defaultCurrency(source: SqlSource): Promise<string> {
  const rows = await selectRows(
    source,
    `SELECT sc.currency_code FROM store_currency sc JOIN store s ON s.id = sc.store_id AND s.deleted_at IS NULL
     WHERE sc.deleted_at IS NULL ORDER BY sc.is_default DESC, sc.created_at LIMIT 1`
  )
  return ((rows[0]?.currency_code as string | undefined) ?? "usd").toLowerCase()
}

export type CustomerListPage = { ids: string[]; count: number; currency: string }

/** One page of customer ids under a filter, sorted, with the total count. */
export async function listCustomerIds(
  source: SqlSource,
  filter: CustomerListFilter,
  page: { order?: string; limit: number; offset: number }
): Promise<CustomerListPage> {
  const [currency, present] = await Promise.all([
    filter.currency_code ?? defaultCurrency(source),
    listPresence(source),
  ])
  const { from, where, values } = customerListSql(filter, currency, present)
  // The page and the count apart, side by side: a page sorted by an indexed figure stops after
  // `limit` rows, where `COUNT(*) OVER ()` would make it compute and sort every match first.
  const orderSql = customerListOrderSql(page.order)
  const loyaltyOrder = /^-?loyalty_balance$/.test(page.order ?? "")
  const [rows, count] = await Promise.all([
    selectRows(
      source,
      loyaltyOrder
        ? loyaltyOrderedPageSql(fromFor(from, where), where, page.order!.startsWith("-"))
        : `SELECT c.id FROM ${fromFor(from, where, orderSql)} WHERE ${where}
       ORDER BY ${orderSql} LIMIT :limit OFFSET :offset`,
      { ...values, limit: page.limit, offset: page.offset }
    ),
    countCustomers(source, { ...filter, currency_code: currency }, present),
  ])
  return { ids: rows.map((r) => r.id as string), count, currency }
}

/**
 * A page sorted by loyalty balance (ties by id, as `customerListOrderSql` orders them), read from
 * the balance index instead of computing every customer's balance: the accounts above 0 (index
 * order), the customers at 0 (with or without an account; id order) and the accounts below 0, each
 * cut at the page's end, then merged.
 */
function loyaltyOrderedPageSql(from: string, where: string, desc: boolean): string {
  const dir = desc ? "DESC" : "ASC"
  const account = (sign: ">" | "<") =>
    `(SELECT c.id, la.balance AS k FROM ${from}
       JOIN loyalty_account la ON la.customer_id = c.id AND la.deleted_at IS NULL AND la.balance ${sign} 0
      WHERE ${where}
      ORDER BY la.balance ${dir}, la.customer_id ${dir} LIMIT (:limit::int + :offset::int))`
  const zero = `(SELECT c.id, 0 AS k FROM ${from}
      WHERE ${where} AND NOT EXISTS (SELECT 1 FROM loyalty_account la
        WHERE la.customer_id = c.id AND la.deleted_at IS NULL AND la.balance <> 0)
      ORDER BY c.id ${dir} LIMIT (:limit::int + :offset::int))`
  const parts = desc ? [account(">"), zero, account("<")] : [account("<"), zero, account(">")]
  return `SELECT p.id FROM (${parts.join("\n  UNION ALL ")}) p
    ORDER BY p.k ${dir}, p.id ${dir} LIMIT :limit OFFSET :offset`
}

/**
 * The FROM a statement needs: without the metrics join when neither its conditions nor its order
 * read `m` (Postgres cannot drop the LEFT JOIN itself: the metrics' unique index is partial).
 */
const fromFor = (from: string, ...sql: string[]) =>
  sql.some((part) => /\bm\./.test(part)) ? from : "customer c"

/** How many customers a filter selects (a segment's live count). */
export async function countCustomers(
  source: SqlSource,
  filter: CustomerListFilter,
  known?: ListPresence
): Promise<number> {
  const currency = filter.currency_code ?? (await defaultCurrency(source))
  const present = known ?? (await listPresence(source))
  const { from, where, values } = customerListSql(filter, currency, present)
  const rows = await selectRows(source, `SELECT COUNT(*) AS n FROM ${fromFor(from, where)} WHERE ${where}`, values)
  return Number(rows[0]?.n ?? 0)
}

/**
 * `SELECT c.id FROM … WHERE …` for a filter, to use inside a larger statement (a segment sync's
 * insert from a select). Its values must be bound with the statement's own.
 */
export function customerIdsSql(filter: CustomerListFilter, currency: string): { sql: string; values: Values } {
  const { from, where, values } = customerListSql(filter, currency)
  return { sql: `SELECT c.id FROM ${from} WHERE ${where}`, values }
}

/**
 * Each column as a SQL expression over `c` and `m`: scalars as they are, lists as JSON arrays
 * (`tags`: `[{ key, value, label }]`, `memberships`: active ones `[{ id, plan_id, plan_name, status }]`,
 * `consents`: granted purpose handles, `stores` and `groups`: `[{ id, name }]`). Exports select
 * these too, so a page and a file agree.
 */
export const COLUMN_SQL: Record<CustomerListColumn, string> = {
  id: "c.id",
  email: "c.email",
  first_name: "c.first_name",
  last_name: "c.last_name",
  company_name: "c.company_name",
  phone: "c.phone",
  has_account: "c.has_account",
  created_at: "c.created_at",
  archived: ARCHIVED_SQL,
  lifetime_value: "COALESCE(m.lifetime_value, 0)",
  sales: "COALESCE(m.sales, 0)",
  order_count: "COALESCE(m.orders, 0)",
  average_order_value: AVERAGE_ORDER_SQL,
  first_order_at: "m.first_order_at",
  last_order_at: "m.last_order_at",
  days_since_last_order: DAYS_SINCE_SQL,
  loyalty_balance: LOYALTY_BALANCE_SQL,
  tags: `COALESCE((SELECT json_agg(json_build_object('key', d.key, 'value', t.value, 'label', COALESCE(d.label, d.key)) ORDER BY d.key)
    FROM customer_tag t JOIN customer_tag_definition d ON d.id = t.definition_id
    WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND d.deleted_at IS NULL
      AND (t.expires_at IS NULL OR t.expires_at > now())), '[]'::json)`,
  memberships: `COALESCE((SELECT json_agg(json_build_object('id', ms.id, 'plan_id', ms.plan_id, 'plan_name', mp.name, 'status', ms.status) ORDER BY ms.starts_at)
    FROM membership ms JOIN membership_plan mp ON mp.id = ms.plan_id
    WHERE ms.customer_id = c.id AND ms.deleted_at IS NULL AND ms.status = 'active'), '[]'::json)`,
  consents: `COALESCE((SELECT json_agg(p.handle ORDER BY p.rank, p.handle) FROM privacy_consent_purpose p
    WHERE p.deleted_at IS NULL AND (SELECT pc.granted FROM privacy_consent pc
      WHERE pc.customer_id = c.id AND pc.purpose_id = p.id AND pc.deleted_at IS NULL
      ORDER BY pc.occurred_at DESC, pc.id DESC LIMIT 1) IS TRUE), '[]'::json)`,
  stores: `COALESCE((SELECT json_agg(json_build_object('id', sc.id, 'name', sc.name) ORDER BY sc.name)
    FROM customer_store cs JOIN sales_channel sc ON sc.id = cs.sales_channel_id AND sc.deleted_at IS NULL
    WHERE cs.customer_id = c.id AND cs.deleted_at IS NULL), '[]'::json)`,
  groups: `COALESCE((SELECT json_agg(json_build_object('id', cg.id, 'name', cg.name) ORDER BY cg.name)
    FROM customer_group_customer g JOIN customer_group cg ON cg.id = g.customer_group_id AND cg.deleted_at IS NULL
    WHERE g.customer_id = c.id AND g.deleted_at IS NULL), '[]'::json)`,
}

/** `expr AS "column"` for each column, for a SELECT over `c` and `m`. */
export const columnsSelectSql = (columns: readonly CustomerListColumn[]) =>
  columns.map((col) => `${COLUMN_SQL[col]} AS "${col}"`).join(",\n  ")

const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const toIso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

/**
 * The list rows of these customers (every column, plus what the search matched), in the order of
 * `ids`. One statement for the page.
 */
export async function customerListRows(
  source: SqlSource,
  ids: string[],
  currency: string,
  q?: { q?: string; field?: CustomerListFilter["field"] }
): Promise<CustomerListRow[]> {
  if (!ids.length) {
    return []
  }
  const values: Values = { ids, currency }
  let n = 0
  const bind = (value: unknown) => {
    const name = `s${n++}`
    values[name] = value
    return `:${name}`
  }
  const matches = q?.q ? searchConditions(q.q, q.field ?? "any", bind) : []
  const matchSql = matches.length
    ? `array_remove(ARRAY[${matches.map((m) => `CASE WHEN ${m.sql} THEN '${m.match}' END`).join(", ")}], NULL)`
    : "ARRAY[]::text[]"
  const all = Object.keys(COLUMN_SQL) as CustomerListColumn[]
  const rows = await selectRows(
    source,
    `SELECT ${columnsSelectSql(all)}, ${matchSql} AS matched_by
     FROM customer c LEFT JOIN customer_metric m
       ON m.customer_id = c.id AND m.currency_code = :currency AND m.deleted_at IS NULL
     WHERE c.id = ANY(:ids)`,
    values
  )
  const byId = new Map(rows.map((r) => [r.id as string, r]))
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({
      id: r.id as string,
      email: (r.email as string | null) ?? null,
      first_name: (r.first_name as string | null) ?? null,
      last_name: (r.last_name as string | null) ?? null,
      company_name: (r.company_name as string | null) ?? null,
      phone: (r.phone as string | null) ?? null,
      has_account: !!r.has_account,
      created_at: toIso(r.created_at) as string,
      archived: !!r.archived,
      matched_by: [...new Set((r.matched_by as CustomerSearchMatch[]) ?? [])],
      lifetime_value: toNumber(r.lifetime_value),
      sales: toNumber(r.sales),
      order_count: Number(r.order_count ?? 0),
      average_order_value: toNumber(r.average_order_value),
      first_order_at: toIso(r.first_order_at),
      last_order_at: toIso(r.last_order_at),
      days_since_last_order: toNumber(r.days_since_last_order),
      loyalty_balance: Number(r.loyalty_balance ?? 0),
      tags: r.tags as CustomerListRow["tags"],
      memberships: r.memberships as CustomerListRow["memberships"],
      consents: r.consents as string[],
      stores: r.stores as CustomerListRow["stores"],
      groups: r.groups as CustomerListRow["groups"],
    }))
}
