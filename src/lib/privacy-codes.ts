import type { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { claimCodeMatches } from "../modules/customer-identity/claim-codes"
import { sharedConnection } from "./customer-data"
import { selectRows } from "./queries/sql"

/**
 * One-time codes that confirm a storefront customer's request to anonymize their own data (the
 * `privacy_code` table): only a salted hash is stored (`hashClaimCode`), a code works for
 * `PRIVACY_CODE_MINUTES`, takes `MAX_PRIVACY_CODE_ATTEMPTS` tries and confirms once. Only the
 * customer's newest code counts: asking for a new one replaces the earlier ones.
 */

/** How long a code works. */
export const PRIVACY_CODE_MINUTES = 15
/** Tries (right or wrong) a code takes. */
export const MAX_PRIVACY_CODE_ATTEMPTS = 5
/** Codes one customer may ask for in an hour. */
export const PRIVACY_CODES_PER_HOUR = 3

const HOUR_MS = 60 * 60 * 1000

/** A code that was opened, or the seconds until the hourly limit lets the next one through. */
export type OpenedPrivacyCode =
  | { refused: null; code: { id: string; expires_at: Date } }
  | { refused: { retry_after: number }; code: null }

/**
 * Stores a new code's hash for the customer, unless they asked for `PRIVACY_CODES_PER_HOUR`
 * codes in the last hour. The count and the insert are one statement, run under the customer's
 * advisory lock, so requests that arrive at once take turns and cannot pass the limit together.
 */
export async function openPrivacyCode(
  container: MedusaContainer,
  input: { customer_id: string; code_hash: string }
): Promise<OpenedPrivacyCode> {
  return await sharedConnection(container).transaction(async (trx) => {
    await selectRows(trx, `SELECT pg_advisory_xact_lock(hashtext(:key))`, { key: `privacy-code:${input.customer_id}` })
    const now = new Date()
    const [created] = await selectRows(
      trx,
      `INSERT INTO privacy_code (id, customer_id, code_hash, attempts, expires_at, created_at, updated_at)
       SELECT :id, :customer_id, :code_hash, 0, :expires_at, :now, :now
       WHERE (SELECT COUNT(*) FROM privacy_code
              WHERE customer_id = :customer_id AND created_at > :hour_ago) < :per_hour
       RETURNING id, expires_at`,
      {
        id: generateEntityId(undefined, "pcode"),
        customer_id: input.customer_id,
        code_hash: input.code_hash,
        expires_at: new Date(now.getTime() + PRIVACY_CODE_MINUTES * 60 * 1000),
        now,
        hour_ago: new Date(now.getTime() - HOUR_MS),
        per_hour: PRIVACY_CODES_PER_HOUR,
      }
    )
    if (created) {
      return { refused: null, code: { id: created.id as string, expires_at: new Date(created.expires_at as string) } }
    }
    const [oldest] = await selectRows(
      trx,
      `SELECT MIN(created_at) AS since FROM privacy_code WHERE customer_id = :customer_id AND created_at > :hour_ago`,
      { customer_id: input.customer_id, hour_ago: new Date(now.getTime() - HOUR_MS) }
    )
    const since = oldest?.since ? new Date(oldest.since as string).getTime() : now.getTime()
    return { refused: { retry_after: Math.max(1, Math.ceil((since + HOUR_MS - now.getTime()) / 1000)) }, code: null }
  })
}

/** Removes a code again (the e-mail carrying it could not be sent). */
export async function deletePrivacyCode(container: MedusaContainer, codeId: string): Promise<void> {
  await selectRows(sharedConnection(container), `DELETE FROM privacy_code WHERE id = :id`, { id: codeId })
}

export type PrivacyCodeCheck =
  | { outcome: "confirmed"; code_id: string }
  | { outcome: "wrong"; attempts_left: number }
  | { outcome: "used" | "expired" | "too_many_attempts" }

/**
 * Checks a code against the customer's newest code and, when it is right, spends it. Race-free
 * without a lock:
 * - every try is counted first, in one conditional UPDATE that only passes while the code is
 *   unused, unexpired and under `MAX_PRIVACY_CODE_ATTEMPTS`: however many tries arrive at once,
 *   at most that many are compared;
 * - a right code is spent by one conditional UPDATE (`used_at IS NULL`): it confirms once.
 * When the counting UPDATE finds nothing, a read says why (used, expired, tries spent).
 */
export async function checkPrivacyCode(
  container: MedusaContainer,
  input: { customer_id: string; code: string }
): Promise<PrivacyCodeCheck> {
  const sql = sharedConnection(container)
  const newest = `(SELECT id FROM privacy_code WHERE customer_id = :customer_id AND deleted_at IS NULL
                   ORDER BY created_at DESC, id DESC LIMIT 1)`
  const [counted] = await selectRows(
    sql,
    `UPDATE privacy_code SET attempts = attempts + 1, updated_at = now()
     WHERE id = ${newest} AND attempts < :max AND used_at IS NULL AND expires_at > now()
     RETURNING id, code_hash, attempts`,
    { customer_id: input.customer_id, max: MAX_PRIVACY_CODE_ATTEMPTS }
  )
  if (!counted) {
    const [row] = await selectRows(
      sql,
      `SELECT attempts, used_at, expires_at FROM privacy_code WHERE id = ${newest}`,
      { customer_id: input.customer_id }
    )
    if (!row || new Date(row.expires_at as string).getTime() <= Date.now()) {
      return { outcome: "expired" }
    }
    return { outcome: row.used_at ? "used" : "too_many_attempts" }
  }
  if (!claimCodeMatches(counted.code_hash as string, input.code)) {
    return { outcome: "wrong", attempts_left: Math.max(0, MAX_PRIVACY_CODE_ATTEMPTS - Number(counted.attempts)) }
  }
  const [spent] = await selectRows(
    sql,
    `UPDATE privacy_code SET used_at = now(), updated_at = now() WHERE id = :id AND used_at IS NULL RETURNING id`,
    { id: counted.id }
  )
  return spent ? { outcome: "confirmed", code_id: spent.id as string } : { outcome: "used" }
}

/** Makes a spent code usable again (what it confirmed was refused or failed). */
export async function reopenPrivacyCode(container: MedusaContainer, codeId: string): Promise<void> {
  await selectRows(
    sharedConnection(container),
    `UPDATE privacy_code SET used_at = NULL, updated_at = now() WHERE id = :id AND used_at IS NOT NULL`,
    { id: codeId }
  )
}
