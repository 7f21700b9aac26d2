import { randomBytes } from "node:crypto"
import { escapeHtml } from "../html"
import { selectRows, type SqlSource } from "../queries/sql"
import { customerIdsSql } from "../queries/customer-list"
import type { CampaignAudience, CampaignKind } from "../../types/http/messages"
import { audienceSql } from "./audience"

/**
 * Distribution: one inbox entry per recipient of a campaign, set-based. One statement selects the
 * audience's customers who have no entry yet (an anti-join on the unique index of campaign and
 * customer); the entries go in with ids as the module writes them (`cinb_` and a ULID), a batch of
 * `DISTRIBUTION_BATCH` per statement through `unnest`, `ON CONFLICT DO NOTHING` on that index, so
 * two passes at once, or a pass after a crash, never give anyone a second entry. Each batch commits
 * on its own: a pass cut short leaves whole batches, and the next pass adds only who is missing.
 */

/** Crockford's base 32, as ULIDs are written. */
const ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * `n` ids as Medusa's `generateEntityId(undefined, prefix)` writes them (`cinb_` and a ULID: 10
 * characters of the millisecond time, 16 random ones), from one buffer of random bytes. The
 * `ulid` package behind `generateEntityId` draws one `randomBytes(1)` per random character, which
 * costs about 90 µs an id (9 s for 100,000 entries, more than the inserts themselves); this takes
 * about 0.5 µs. Each random character takes 5 bits of its own byte: 256 is a multiple of 32, so
 * every character is uniform, 80 random bits an id as in a ULID.
 */
export function entityIds(prefix: string, n: number, now = Date.now()): string[] {
  let time = ""
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) {
    time = ULID_ALPHABET[t % 32] + time
  }
  const bytes = randomBytes(n * 16)
  const ids = new Array<string>(n)
  for (let i = 0; i < n; i++) {
    let random = ""
    for (let j = 0; j < 16; j++) {
      random += ULID_ALPHABET[bytes[i * 16 + j] & 31]
    }
    ids[i] = `${prefix}_${time}${random}`
  }
  return ids
}

/** Entries inserted per statement. */
export const DISTRIBUTION_BATCH = 10_000
/** E-mails handed to the notification module per call. */
export const EMAIL_BATCH = 200

/** The lock one campaign's distribution takes (the event's and the scheduled pass's). */
export const campaignLockKey = (campaignId: string) => `medusa-crm:campaign-distribution:${campaignId}`
/** The scheduled pass over every running campaign: one instance at a time. */
export const CAMPAIGN_PASS_LOCK = "medusa-crm:distribute-campaigns"
/** How long a campaign's lock lives at most (a crashed holder frees it then), in seconds. */
export const CAMPAIGN_LOCK_EXPIRE_SECONDS = 1800
/** How long a requested distribution waits for a campaign's lock before leaving it to the next pass. */
export const CAMPAIGN_LOCK_WAIT_SECONDS = 60

/** The notification template a provider sees for a campaign's e-mail. */
export const CAMPAIGN_EMAIL_TEMPLATE = "crm-campaign-message"

/** What distribution needs of a campaign. */
export type DistributableCampaign = {
  id: string
  kind: CampaignKind
  audience: CampaignAudience
  send_email: boolean
  email_consent: string | null
}

/** Whether a campaign distributes now: started, not ended, not deleted. */
export const RUNNING_CAMPAIGN_SQL = `k.deleted_at IS NULL AND k.starts_at <= now() AND k.ended_at IS NULL
  AND (k.ends_at IS NULL OR k.ends_at > now())`

/** The campaign if it distributes now, else null (not started, ended, deleted). */
export async function loadRunningCampaign(source: SqlSource, id: string): Promise<DistributableCampaign | null> {
  const [row] = await selectRows(
    source,
    `SELECT k.id, k.kind, k.audience, k.send_email, k.email_consent FROM customer_campaign k
      WHERE k.id = :id AND ${RUNNING_CAMPAIGN_SQL}`,
    { id }
  )
  return (row as DistributableCampaign | undefined) ?? null
}

/** Running campaigns, those never or longest ago distributed first (a pass cut short resumes with the rest). */
export async function runningCampaignIds(source: SqlSource): Promise<string[]> {
  const rows = await selectRows(
    source,
    `SELECT k.id FROM customer_campaign k WHERE ${RUNNING_CAMPAIGN_SQL}
      ORDER BY k.last_distributed_at ASC NULLS FIRST, k.starts_at, k.id`
  )
  return rows.map((r) => r.id as string)
}

/** The audience's customers who have no entry of the campaign yet, in one statement. */
export async function missingRecipients(source: SqlSource, campaign: DistributableCampaign): Promise<string[]> {
  const { from, where, values } = await audienceSql(source, campaign.audience)
  const rows = await selectRows(
    source,
    `SELECT c.id FROM ${from} WHERE ${where}
        AND NOT EXISTS (SELECT 1 FROM customer_inbox_entry e
                         WHERE e.campaign_id = :dist_campaign AND e.customer_id = c.id
                           AND e.origin = 'distribution' AND e.deleted_at IS NULL)`,
    { ...values, dist_campaign: campaign.id }
  )
  return rows.map((r) => r.id as string)
}

/**
 * Inserts the entries of these customers, `DISTRIBUTION_BATCH` a statement, all with the same
 * `distributed_at` (the pass's mark: its compensation removes exactly those). Customers who got an
 * entry meanwhile are skipped by the unique index. `onBatch` reports progress. Returns how many
 * entries went in.
 */
export async function insertEntries(
  source: SqlSource,
  campaign: Pick<DistributableCampaign, "id" | "kind">,
  customerIds: string[],
  at: Date,
  onBatch?: (done: number, total: number) => void
): Promise<number> {
  let added = 0
  for (let i = 0; i < customerIds.length; i += DISTRIBUTION_BATCH) {
    const batch = customerIds.slice(i, i + DISTRIBUTION_BATCH)
    const rows = await selectRows(
      source,
      `WITH added AS (
         INSERT INTO customer_inbox_entry (id, campaign_id, customer_id, kind, origin, distributed_at, created_at, updated_at)
         SELECT t.id, :campaign_id, t.customer_id, :kind, 'distribution', :at, :at, :at
           FROM unnest(:ids::text[], :customer_ids::text[]) AS t(id, customer_id)
         ON CONFLICT (campaign_id, customer_id) WHERE origin = 'distribution' AND deleted_at IS NULL DO NOTHING
         RETURNING 1)
       SELECT COUNT(*) AS n FROM added`,
      {
        campaign_id: campaign.id,
        kind: campaign.kind,
        at: at.toISOString(),
        ids: entityIds("cinb", batch.length),
        customer_ids: batch,
      }
    )
    added += Number(rows[0]?.n ?? 0)
    onBatch?.(Math.min(i + batch.length, customerIds.length), customerIds.length)
  }
  return added
}

/** Removes the entries a pass inserted (its compensation): those of the campaign with the pass's mark. */
export async function removePassEntries(source: SqlSource, campaignId: string, at: string) {
  await selectRows(
    source,
    `DELETE FROM customer_inbox_entry WHERE campaign_id = :id AND origin = 'distribution' AND distributed_at = :at`,
    { id: campaignId, at }
  )
}

/**
 * Claims up to `limit` entries of a campaign still to e-mail (sets `emailed_at`, skipping rows
 * another pass holds): recipients with an e-mail address who grant `email_consent` when the
 * campaign asks for it. Ids only.
 */
export async function claimEmailEntries(
  source: SqlSource,
  campaign: Pick<DistributableCampaign, "id" | "email_consent">,
  limit = EMAIL_BATCH
): Promise<string[]> {
  // The list engine's consent condition; it reads no metrics, so the currency it asks for is not used.
  const consent = campaign.email_consent ? customerIdsSql({ consents: [campaign.email_consent] }, "eur") : null
  const rows = await selectRows(
    source,
    `UPDATE customer_inbox_entry SET emailed_at = now(), updated_at = now()
      WHERE id IN (
        SELECT e.id FROM customer_inbox_entry e JOIN customer cu ON cu.id = e.customer_id AND cu.deleted_at IS NULL
         WHERE e.campaign_id = :mail_campaign AND e.origin = 'distribution' AND e.emailed_at IS NULL
           AND e.deleted_at IS NULL AND e.removed_at IS NULL AND cu.email IS NOT NULL AND cu.email <> ''
           ${consent ? `AND e.customer_id IN (${consent.sql})` : ""}
         ORDER BY e.id LIMIT :mail_limit
         FOR UPDATE OF e SKIP LOCKED)
      RETURNING id`,
    { ...(consent?.values ?? {}), mail_campaign: campaign.id, mail_limit: limit }
  )
  return rows.map((r) => r.id as string)
}

/** Gives claimed entries back (their e-mail was not sent). */
export async function releaseEmailEntries(source: SqlSource, ids: string[]) {
  if (ids.length) {
    await selectRows(source, `UPDATE customer_inbox_entry SET emailed_at = NULL, updated_at = now() WHERE id = ANY(:ids)`, {
      ids,
    })
  }
}

/** What an e-mail of a campaign says, and to whom: read from the database, never passed around. */
export type CampaignEmail = {
  entry_id: string
  campaign_id: string
  customer_id: string
  to: string
  title: string
  short_description: string
  body: string | null
  image_url: string | null
}

/** The e-mails of these entries. */
export async function campaignEmails(source: SqlSource, entryIds: string[]): Promise<CampaignEmail[]> {
  if (!entryIds.length) {
    return []
  }
  const rows = await selectRows(
    source,
    `SELECT e.id AS entry_id, e.campaign_id, e.customer_id, cu.email AS "to", k.title, k.short_description, k.body, k.image_url
       FROM customer_inbox_entry e
       JOIN customer_campaign k ON k.id = e.campaign_id
       JOIN customer cu ON cu.id = e.customer_id
      WHERE e.id = ANY(:ids) ORDER BY e.id`,
    { ids: entryIds }
  )
  return rows as unknown as CampaignEmail[]
}

/** The e-mail's content: the title as subject, the short description and body as text and HTML. */
export function campaignEmailContent(mail: Pick<CampaignEmail, "title" | "short_description" | "body" | "image_url">) {
  const parts = [mail.short_description, mail.body].filter((p): p is string => !!p && !!p.trim())
  const paragraphs = parts.flatMap((p) => p.split(/\n{2,}/)).map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
  const image = mail.image_url ? `<p><img src="${escapeHtml(mail.image_url)}" alt="" style="max-width:100%"></p>` : ""
  return {
    subject: mail.title,
    text: parts.join("\n\n"),
    html: `<h1>${escapeHtml(mail.title)}</h1>${image}${paragraphs.join("")}`,
  }
}
