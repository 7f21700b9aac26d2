import { MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../errors"
import { customerListSql, defaultCurrency, listPresence } from "../queries/customer-list"
import { selectRows, type SqlSource } from "../queries/sql"
import type { CustomerListFilter } from "../../types/http/customer-list"
import { type CampaignAudience, MessageErrorCodes } from "../../types/http/messages"
import { TAG_KEY_PATTERN, TAG_VALUE_MAX_LENGTH } from "../../types/http/tags"

/**
 * A campaign's audience as the CRM list engine reads it (`src/lib/queries/customer-list.ts`): the
 * audience becomes a `CustomerListFilter` (a segment's own filter, tags, ids), restricted to those
 * who may receive anything: an online account, not archived (the engine always leaves anonymized,
 * erased and deleted customers out). Counting it and distributing to it are then set-based SQL.
 */

/**
 * A tag of an audience as the list stores tags: `KEY` stays, `KEY=VALUE` and `KEY:VALUE` become
 * `KEY:VALUE` (spaces around the separator dropped: `USER_AFFILIATION = CUSTOMER`). Returns null
 * when it is no tag (a bad key, an empty or too long value).
 */
export function normalizeAudienceTag(raw: string): string | null {
  const text = raw.trim()
  const at = text.search(/[=:]/)
  const key = (at < 0 ? text : text.slice(0, at)).trim()
  if (!TAG_KEY_PATTERN.test(key)) {
    return null
  }
  if (at < 0) {
    return key
  }
  const value = text.slice(at + 1).trim()
  if (!value || value.length > TAG_VALUE_MAX_LENGTH) {
    return null
  }
  return `${key}:${value}`
}

/** The filter every audience is read under: online accounts that are not archived. */
const RECIPIENTS: Pick<CustomerListFilter, "account" | "status"> = { account: "online", status: "active" }

/** A segment's filter, or a 400 `audience_segment_not_found`. */
export async function segmentFilter(source: SqlSource, segmentId: string): Promise<CustomerListFilter> {
  const [row] = await selectRows(
    source,
    `SELECT filter FROM customer_segment WHERE id = :id AND deleted_at IS NULL`,
    { id: segmentId }
  )
  if (!row) {
    throw crmError(
      MedusaError.Types.INVALID_DATA,
      MessageErrorCodes.AUDIENCE_SEGMENT_NOT_FOUND,
      `audience.segment_id: segment ${segmentId} does not exist`
    )
  }
  return (row.filter ?? {}) as CustomerListFilter
}

/**
 * The list filter that selects an audience's recipients. A segment's filter is read now (each
 * distribution pass reads it again, so who comes to match while the campaign runs gets it too).
 */
export async function audienceFilter(source: SqlSource, audience: CampaignAudience): Promise<CustomerListFilter> {
  switch (audience.type) {
    case "everyone":
      return { ...RECIPIENTS }
    case "segment":
      return { ...(await segmentFilter(source, audience.segment_id)), ...RECIPIENTS }
    case "tags": {
      const tags = [...new Set(audience.tags.map((t) => normalizeAudienceTag(t)).filter((t): t is string => !!t))]
      // No usable tag selects nobody (a list filter without tags would select everyone).
      return tags.length ? { tags, tags_match: audience.match ?? "any", ...RECIPIENTS } : { id: [], ...RECIPIENTS }
    }
    case "customers":
      return { id: [...new Set(audience.customer_ids)], ...RECIPIENTS }
  }
}

/** An audience as `SELECT c.id FROM … WHERE …` (alias `c`), with its values, to embed in a statement. */
export type AudienceSql = { from: string; where: string; values: Record<string, unknown> }

/**
 * The audience as SQL over `customer c`: the list engine's statement for its filter, without the
 * metrics join when no condition reads it, and without the anonymized/archived anti-joins when no
 * customer is either (see `ListPresence`). An empty id list selects nobody.
 */
export async function audienceSql(source: SqlSource, audience: CampaignAudience): Promise<AudienceSql> {
  const filter = await audienceFilter(source, audience)
  if (filter.id && !filter.id.length) {
    return { from: "customer c", where: "false", values: {} }
  }
  const [currency, present] = await Promise.all([
    filter.currency_code ?? defaultCurrency(source),
    listPresence(source),
  ])
  const { from, where, values } = customerListSql(filter, currency, present)
  return { from: /\bm\./.test(where) ? from : "customer c", where, values }
}

/** How many customers an audience reaches now. */
export async function countAudience(source: SqlSource, audience: CampaignAudience): Promise<number> {
  const { from, where, values } = await audienceSql(source, audience)
  const [row] = await selectRows(source, `SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, values)
  return Number(row?.n ?? 0)
}
