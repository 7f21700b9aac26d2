import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../errors"
import { selectRows, type SqlRow, type SqlSource } from "../queries/sql"
import {
  type CampaignBodyFormat,
  type CampaignKind,
  type InboxEntry,
  type InboxEntryStatus,
  INBOX_ENTRY_STATUSES,
  MessageErrorCodes,
} from "../../types/http/messages"

/**
 * A customer's inbox as the storefront and the admin read it: the entries of the customer_message
 * module's own tables (customer_inbox_entry, customer_campaign), with the status derived here and
 * nowhere else (see `InboxEntry` in the HTTP contract):
 * - `ended`: for a reward (origin redemption) its own `expires_at` has passed; for a distributed
 *   entry the campaign was ended early (`ended_at`) or its `ends_at` has passed;
 * - messages: ended → expired; read_at → read; else new;
 * - offers, loyalty offers and rewards: removed_at → removed; redeemed_at → redeemed; ended →
 *   expired; read_at → read; else new.
 * Every value is a bound parameter (`:now` is the moment of the request).
 */
/**
 * The status SQL over entry `e` and its campaign (alias `campaign`), at `now` (a bound `:now`, or
 * `now()`). A reward without its own end runs out with the campaign.
 */
export const entryStatusSql = (campaign = "c", now = ":now") => {
  const ended = `(case when e.origin = 'redemption'
      then coalesce(coalesce(e.expires_at, least(${campaign}.ended_at, ${campaign}.ends_at)) <= ${now}, false)
    else coalesce(${campaign}.ended_at <= ${now}, false) or coalesce(${campaign}.ends_at <= ${now}, false) end)`
  return `(case
  when e.kind = 'message' then
    case when ${ended} then 'expired' when e.read_at is not null then 'read' else 'new' end
  when e.removed_at is not null then 'removed'
  when e.redeemed_at is not null and e.kind <> 'loyalty_offer' then 'redeemed'
  when ${ended} then 'expired'
  when e.read_at is not null then 'read'
  else 'new' end)`
}

export const ENTRY_STATUS_SQL = entryStatusSql()

/** Messages, or offers (offers, loyalty offers and the rewards bought with points). */
export type InboxSection = "messages" | "offers"
export const SECTION_KINDS: Record<InboxSection, CampaignKind[]> = {
  messages: ["message"],
  offers: ["offer", "loyalty_offer"],
}

/** What the storefront lists: messages of every status but removed; offers only while usable. */
export const STORE_STATUSES: Record<InboxSection, InboxEntryStatus[]> = {
  messages: ["new", "read", "expired"],
  offers: ["new", "read"],
}
export const ALL_STATUSES: InboxEntryStatus[] = [...INBOX_ENTRY_STATUSES]

/** The 404 of an entry that is not in the customer's section: `message_not_found` or `offer_not_found`. */
export const inboxEntryNotFound = (section: InboxSection, id: string) =>
  section === "messages"
    ? crmError(MedusaError.Types.NOT_FOUND, MessageErrorCodes.MESSAGE_NOT_FOUND, `Message with id: ${id} was not found`)
    : crmError(MedusaError.Types.NOT_FOUND, MessageErrorCodes.OFFER_NOT_FOUND, `Offer with id: ${id} was not found`)

const ENTRIES_CTE = `
  entries as (
    select e.id, e.campaign_id, e.customer_id, e.kind, e.origin, e.distributed_at, e.read_at,
      e.redeemed_at, e.redeemed_order_id, e.removed_at, e.promotion_id, e.promotion_code,
      e.points_spent, e.loyalty_entry_id,
      case when e.origin = 'redemption' then e.expires_at else least(c.ends_at, c.ended_at) end as expires_at,
      c.title, c.short_description, c.body, c.body_format, c.image_url, c.personal,
      c.promotion_id as campaign_promotion_id, c.points_cost,
      ${ENTRY_STATUS_SQL} as status
    from customer_inbox_entry e
    join customer_campaign c on c.id = e.campaign_id and c.deleted_at is null
    where e.deleted_at is null and e.customer_id = :customer_id and e.kind = any(:kinds)
      and (:id::text is null or e.id = :id)
  )`

const LIST_SQL = `
  with ${ENTRIES_CTE}
  select * from entries
  where status = any(:statuses)
  order by distributed_at desc, id desc
  limit :limit offset :offset`

const COUNT_SQL = `
  with ${ENTRIES_CTE}
  select count(*)::int as total, (count(*) filter (where status = 'new'))::int as unread
  from entries where status = any(:statuses)`

export type InboxQuery = {
  customer_id: string
  section: InboxSection
  statuses: InboxEntryStatus[]
  now?: Date
}

/** An entry as read from the tables, before its code is resolved. */
export type InboxRow = SqlRow & {
  id: string
  campaign_id: string
  customer_id: string
  kind: CampaignKind
  origin: "distribution" | "redemption"
  status: InboxEntryStatus
  promotion_id: string | null
  promotion_code: string | null
  campaign_promotion_id: string | null
  personal: boolean
  title: string
  read_at: Date | null
  removed_at: Date | null
}

const values = (q: InboxQuery, id: string | null = null) => ({
  customer_id: q.customer_id,
  kinds: SECTION_KINDS[q.section],
  statuses: q.statuses,
  now: q.now ?? new Date(),
  id,
})

/** One page of a customer's messages or offers, newest first, with the count and the unread count. */
export async function listInboxRows(
  source: SqlSource,
  q: InboxQuery,
  page: { limit: number; offset: number }
): Promise<{ rows: InboxRow[]; count: number; unread: number }> {
  const [rows, [counts]] = await Promise.all([
    selectRows(source, LIST_SQL, { ...values(q), limit: page.limit, offset: page.offset }),
    selectRows(source, COUNT_SQL, values(q)),
  ])
  return { rows: rows as InboxRow[], count: Number(counts.total), unread: Number(counts.unread) }
}

/** One entry of the customer's section (any of `statuses`), or null: another customer's entry is null too. */
export async function findInboxRow(source: SqlSource, q: InboxQuery, id: string): Promise<InboxRow | null> {
  const rows = await selectRows(source, LIST_SQL, { ...values(q, id), limit: 1, offset: 0 })
  return (rows[0] as InboxRow | undefined) ?? null
}

/**
 * The code a storefront applies to a cart: a personal offer's and a reward's own code (null until
 * it is issued), a shared offer's the campaign promotion's code, none for messages and loyalty
 * offers (those are redeemed for points first).
 */
export const isPersonalRow = (row: Pick<InboxRow, "kind" | "origin" | "personal">) =>
  row.kind === "offer" && (row.origin === "redemption" || !!row.personal)

/** A stored date as ISO 8601, null for none. */
export const isoOrNull = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
const iso = isoOrNull
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** Rows as the HTTP contract's `InboxEntry`; `body` only when `withBody` (single entries). */
export async function formatInboxRows(
  container: MedusaContainer,
  rows: InboxRow[],
  withBody = false
): Promise<InboxEntry[]> {
  const shared = [
    ...new Set(
      rows
        .filter((r) => r.kind === "offer" && !isPersonalRow(r) && r.campaign_promotion_id)
        .map((r) => r.campaign_promotion_id as string)
    ),
  ]
  const codes = new Map<string, string>()
  if (shared.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "promotion", fields: ["id", "code"], filters: { id: shared } })
    data.forEach((p: { id: string; code?: string | null }) => p.code && codes.set(p.id, p.code))
  }
  return rows.map((r) => ({
    id: r.id,
    campaign_id: r.campaign_id,
    kind: r.kind,
    origin: r.origin,
    title: r.title,
    short_description: r.short_description as string,
    body: withBody ? ((r.body as string | null) ?? null) : null,
    body_format: r.body_format as CampaignBodyFormat,
    image_url: (r.image_url as string | null) ?? null,
    status: r.status,
    distributed_at: iso(r.distributed_at)!,
    read_at: iso(r.read_at),
    redeemed_at: iso(r.redeemed_at),
    redeemed_order_id: (r.redeemed_order_id as string | null) ?? null,
    removed_at: iso(r.removed_at),
    expires_at: iso(r.expires_at),
    code:
      r.kind !== "offer"
        ? null
        : isPersonalRow(r)
          ? r.promotion_code
          : (codes.get(r.campaign_promotion_id ?? "") ?? null),
    points_cost: r.kind === "loyalty_offer" ? num(r.points_cost) : null,
    points_spent: num(r.points_spent),
  }))
}

/** A single entry in the contract's shape, with its body; null when the customer has no such entry. */
export async function readInboxEntry(
  container: MedusaContainer,
  q: InboxQuery,
  id: string
): Promise<InboxEntry | null> {
  const row = await findInboxRow(container, q, id)
  return row ? (await formatInboxRows(container, [row], true))[0] : null
}
