import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { crmError } from "../errors"
import { selectRows, type SqlSource } from "../queries/sql"
import {
  type AdminCampaignEntry,
  type CampaignAudience,
  type CampaignCounts,
  type CampaignStatus,
  type CustomerCampaign,
  type InboxEntryStatus,
  MessageErrorCodes,
} from "../../types/http/messages"
import { entryStatusSql, isoOrNull as iso } from "./inbox"

/** A campaign's status in SQL over alias `k`: ended (by its end or early), scheduled, else active. */
export const CAMPAIGN_STATUS_SQL = `CASE WHEN k.ended_at IS NOT NULL OR (k.ends_at IS NOT NULL AND k.ends_at <= now()) THEN 'ended'
  WHEN k.starts_at > now() THEN 'scheduled' ELSE 'active' END`

/** An entry's status in SQL over `e` (entry) and `k` (campaign), as the storefront and the customer page derive it. */
export const ENTRY_STATUS_SQL = entryStatusSql("k", "now()")

/** The maintained counts (see `campaignCounts`), as columns of campaign `k`. */
const COUNT_COLUMNS = "k.distributed_count, k.read_count, k.redeemed_count, k.removed_count, k.emailed_count"

/** A campaign as stored (the columns the views read). */
export type CampaignRow = {
  id: string
  kind: CustomerCampaign["kind"]
  title: string
  short_description: string
  body: string | null
  body_format: CustomerCampaign["body_format"]
  image_url: string | null
  starts_at: Date | string
  ends_at: Date | string | null
  ended_at: Date | string | null
  audience: CampaignAudience
  send_email: boolean
  email_consent: string | null
  promotion_id: string | null
  personal: boolean
  points_cost: number | null
  reward_valid_days: number | null
  distributed_at: Date | string | null
  last_distributed_at: Date | string | null
  created_by: string | null
  created_at: Date | string
  updated_at: Date | string
  status?: CampaignStatus
  /** The counts the database keeps (see `campaignCounts`). */
  distributed_count?: number | string
  read_count?: number | string
  redeemed_count?: number | string
  removed_count?: number | string
  emailed_count?: number | string
}

export const CAMPAIGN_COLUMNS = `k.id, k.kind, k.title, k.short_description, k.body, k.body_format, k.image_url, k.starts_at,
  k.ends_at, k.ended_at, k.audience, k.send_email, k.email_consent, k.promotion_id, k.personal, k.points_cost,
  k.reward_valid_days, k.distributed_at, k.last_distributed_at, k.created_by, k.created_at, k.updated_at,
  ${CAMPAIGN_STATUS_SQL} AS status, ${COUNT_COLUMNS}`

/** The status of a stored campaign, in TypeScript (the same rule as `CAMPAIGN_STATUS_SQL`). */
export function campaignStatus(
  k: Pick<CampaignRow, "starts_at" | "ends_at" | "ended_at">,
  now = Date.now()
): CampaignStatus {
  if (k.ended_at || (k.ends_at && new Date(k.ends_at).getTime() <= now)) {
    return "ended"
  }
  return new Date(k.starts_at).getTime() > now ? "scheduled" : "active"
}

const ZERO: CampaignCounts = { distributed: 0, read: 0, redeemed: 0, removed: 0, emailed: 0 }

/** The counts of a campaign row that holds the count columns, else null. */
const countsOf = (r: Partial<CampaignRow>): CampaignCounts | null =>
  r.distributed_count === undefined
    ? null
    : {
        distributed: Number(r.distributed_count ?? 0),
        read: Number(r.read_count ?? 0),
        redeemed: Number(r.redeemed_count ?? 0),
        removed: Number(r.removed_count ?? 0),
        emailed: Number(r.emailed_count ?? 0),
      }

/**
 * The counts of these campaigns: distributed entries, those read, redeemed (offers: entries an
 * order used; loyalty offers: rewards bought), removed and e-mailed, not counting deleted entries.
 * They are columns of the campaign that a trigger on its entries keeps, in the transaction of each
 * change (distribution, read, redemption, removal, e-mail claim or release, merge, erasure), so a
 * list reads them instead of counting 100,000 entries per campaign. Each is an event recorded on
 * the entry; `expired` is derived from the clock and is not counted.
 */
export async function campaignCounts(source: SqlSource, ids: string[]): Promise<Map<string, CampaignCounts>> {
  if (!ids.length) {
    return new Map()
  }
  const rows = await selectRows(source, `SELECT k.id, ${COUNT_COLUMNS} FROM customer_campaign k WHERE k.id = ANY(:ids)`, {
    ids,
  })
  return new Map(rows.map((r) => [r.id as string, countsOf(r as Partial<CampaignRow>) ?? { ...ZERO }]))
}

/** Campaigns as answered: with their counts and promotion (id, code, status), two statements for a page. */
export async function campaignViews(container: MedusaContainer, rows: CampaignRow[]): Promise<CustomerCampaign[]> {
  if (!rows.length) {
    return []
  }
  const promotionIds = [...new Set(rows.map((r) => r.promotion_id).filter((p): p is string => !!p))]
  const missing = rows.filter((r) => !countsOf(r)).map((r) => r.id)
  const [counts, promotions] = await Promise.all([
    campaignCounts(container, missing),
    promotionIds.length
      ? container.resolve(Modules.PROMOTION).listPromotions({ id: promotionIds }, { select: ["id", "code", "status"] })
      : Promise.resolve([]),
  ])
  const promotionById = new Map(
    promotions.map((p) => [p.id, { id: p.id, code: (p.code ?? "") as string, status: (p.status ?? "") as string }])
  )
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    short_description: r.short_description,
    body: r.body ?? null,
    body_format: r.body_format,
    image_url: r.image_url ?? null,
    starts_at: iso(r.starts_at) as string,
    ends_at: iso(r.ends_at),
    ended_at: iso(r.ended_at),
    status: r.status ?? campaignStatus(r),
    audience: r.audience,
    send_email: !!r.send_email,
    email_consent: r.email_consent ?? null,
    promotion_id: r.promotion_id ?? null,
    promotion: r.promotion_id ? (promotionById.get(r.promotion_id) ?? null) : null,
    personal: !!r.personal,
    points_cost: r.points_cost === null || r.points_cost === undefined ? null : Number(r.points_cost),
    reward_valid_days:
      r.reward_valid_days === null || r.reward_valid_days === undefined ? null : Number(r.reward_valid_days),
    distributed_at: iso(r.distributed_at),
    last_distributed_at: iso(r.last_distributed_at),
    counts: countsOf(r) ?? counts.get(r.id) ?? { ...ZERO },
    created_by: r.created_by ?? null,
    created_at: iso(r.created_at) as string,
    updated_at: iso(r.updated_at) as string,
  }))
}

/** A stored campaign (not deleted), or a 404 `campaign_not_found`. */
export async function loadCampaign(source: SqlSource, id: string): Promise<CampaignRow> {
  const [row] = await selectRows(
    source,
    `SELECT ${CAMPAIGN_COLUMNS} FROM customer_campaign k WHERE k.id = :id AND k.deleted_at IS NULL`,
    { id }
  )
  if (!row) {
    throw crmError(MedusaError.Types.NOT_FOUND, MessageErrorCodes.CAMPAIGN_NOT_FOUND, `Campaign ${id} was not found`)
  }
  return row as unknown as CampaignRow
}

/** One campaign as answered, or a 404 `campaign_not_found`. */
export async function refetchCampaign(container: MedusaContainer, id: string): Promise<CustomerCampaign> {
  return (await campaignViews(container, [await loadCampaign(container, id)]))[0]
}

/** A page of a campaign's entries (newest first) with the customer's e-mail and name, and the count. */
export async function campaignEntries(
  source: SqlSource,
  campaignId: string,
  page: { limit: number; offset: number; status?: InboxEntryStatus }
): Promise<{ entries: AdminCampaignEntry[]; count: number }> {
  const filter = `e.campaign_id = :id AND e.deleted_at IS NULL${page.status ? ` AND (${ENTRY_STATUS_SQL}) = :status` : ""}`
  const values = { id: campaignId, status: page.status ?? null, limit: page.limit, offset: page.offset }
  const [rows, [total]] = await Promise.all([
    selectRows(
      source,
      `SELECT e.id, e.customer_id, cu.email, cu.first_name, cu.last_name, e.origin, ${ENTRY_STATUS_SQL} AS status,
              e.distributed_at, e.read_at, e.redeemed_at, e.removed_at, e.emailed_at, e.expires_at, e.points_spent
         FROM customer_inbox_entry e
         JOIN customer_campaign k ON k.id = e.campaign_id
         LEFT JOIN customer cu ON cu.id = e.customer_id
        WHERE ${filter}
        ORDER BY e.distributed_at DESC, e.id DESC
        LIMIT :limit OFFSET :offset`,
      values
    ),
    selectRows(
      source,
      `SELECT COUNT(*) AS n FROM customer_inbox_entry e JOIN customer_campaign k ON k.id = e.campaign_id WHERE ${filter}`,
      values
    ),
  ])
  return {
    count: Number(total?.n ?? 0),
    entries: rows.map((r) => ({
      id: r.id as string,
      customer_id: r.customer_id as string,
      email: (r.email as string | null) ?? null,
      first_name: (r.first_name as string | null) ?? null,
      last_name: (r.last_name as string | null) ?? null,
      origin: r.origin as AdminCampaignEntry["origin"],
      status: r.status as InboxEntryStatus,
      distributed_at: iso(r.distributed_at) as string,
      read_at: iso(r.read_at),
      redeemed_at: iso(r.redeemed_at),
      removed_at: iso(r.removed_at),
      emailed_at: iso(r.emailed_at),
      expires_at: iso(r.expires_at),
      points_spent: r.points_spent === null || r.points_spent === undefined ? null : Number(r.points_spent),
    })),
  }
}
