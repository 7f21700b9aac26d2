import { selectRows, type SqlSource } from "./sql"

/**
 * Duplicate finding and the phone key: set-based queries over Medusa's `customer` table, the
 * identity module's `customer_alternate_email` and `customer_archive`, the privacy module's
 * erasure log (`privacy_erasure`), and the duplicate keys the database derives from them
 * (`customer_duplicate_key` and `customer_duplicate_group`, kept up to date by triggers: see
 * `src/modules/customer-identity/duplicate-keys.ts`): anonymized customers are left out of all of
 * them (they still appear on their orders, with their placeholder).
 */

/**
 * The country calling codes (ITU E.164) as one prefix-free pattern: 1 and 7, the two-digit codes,
 * then every three-digit code by its first two digits. Only one branch can match a number's start.
 */
const COUNTRY_CODE = "(1|7|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|(2[1-689]|3[578]|42|5[09]|6[7-9]|8[035789]|9[679])[0-9])"

/** Shortest phone key two customers must share to be possible duplicates: shorter is a typo or an extension. */
export const MIN_DUPLICATE_PHONE_KEY = 6

/**
 * A phone number's national significant number, which the national and international ways of
 * writing it share: digits only; an international number ("+32 …", "0032 …") loses its country
 * code; then leading zeros go (the trunk 0 of "011 19 54 29", or the "(0)" of "+32 (0)11…").
 * "+32 11 19 54 29" and "011195429" both give "11195429". A number written without either prefix
 * is taken as it is. `phoneKeySql` is the same in SQL.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, "")
  const international = phone.trim().startsWith("+") || digits.startsWith("00")
  const national = international ? digits.replace(/^00/, "").replace(new RegExp(`^${COUNTRY_CODE}`), "") : digits
  return national.replace(/^0+/, "")
}

/** `phoneKey` in SQL, for a column or expression. */
export const phoneKeySql = (column: string) =>
  `regexp_replace(CASE WHEN btrim(${column}) LIKE '+%' OR regexp_replace(${column}, '[^0-9]', '', 'g') LIKE '00%'
     THEN regexp_replace(regexp_replace(regexp_replace(${column}, '[^0-9]', '', 'g'), '^00', ''), '^${COUNTRY_CODE}', '')
     ELSE regexp_replace(${column}, '[^0-9]', '', 'g') END, '^0+', '')`

/** Whether customer `c` was anonymized (or deleted): it is in the erasure log. In SQL. */
export const ERASED_SQL = `EXISTS (SELECT 1 FROM privacy_erasure pe WHERE pe.customer_id = c.id AND pe.deleted_at IS NULL)`

/** Whether customer `c` is archived, in SQL. */
export const ARCHIVED_SQL = `EXISTS (SELECT 1 FROM customer_archive ca WHERE ca.customer_id = c.id AND ca.deleted_at IS NULL)`

export type DuplicateMatch = "email" | "alternate_email" | "phone"

/** Other customers that share an address or a phone number with this one, with what matched. */
export async function findDuplicatesOf(
  source: SqlSource,
  customerId: string
): Promise<{ customer_id: string; matches: DuplicateMatch[] }[]> {
  const rows = await selectRows(
    source,
    `WITH me AS (
       SELECT id, lower(email) AS email, ${phoneKeySql("phone")} AS phone
       FROM customer WHERE id = :customer_id AND deleted_at IS NULL
     ),
     my_emails AS (
       SELECT email FROM me WHERE email IS NOT NULL
       UNION SELECT email FROM customer_alternate_email WHERE customer_id = :customer_id AND deleted_at IS NULL
     ),
     candidates AS (
       SELECT c.id, 'email' AS match FROM customer c
       WHERE c.deleted_at IS NULL AND c.id <> :customer_id AND lower(c.email) IN (SELECT email FROM my_emails)
       UNION
       SELECT a.customer_id, 'alternate_email' FROM customer_alternate_email a
       WHERE a.deleted_at IS NULL AND a.customer_id <> :customer_id AND a.email IN (SELECT email FROM my_emails)
       UNION
       -- The maintained phone keys (live customers, archived ones too), an index read, not a scan.
       SELECT k.customer_id, 'phone' FROM customer_duplicate_key k, me
       WHERE k.match = 'phone' AND k.key = me.phone AND k.customer_id <> me.id
     )
     SELECT candidates.id AS customer_id, array_agg(DISTINCT candidates.match ORDER BY candidates.match) AS matches
     FROM candidates JOIN customer c ON c.id = candidates.id
     WHERE NOT ${ERASED_SQL}
     GROUP BY candidates.id ORDER BY candidates.id`,
    { customer_id: customerId }
  )
  return rows.map((r) => ({ customer_id: r.customer_id as string, matches: r.matches as DuplicateMatch[] }))
}

/**
 * Groups of two or more customers with one address (primary or alternate) or one phone number,
 * largest first, paged, with how many there are. Reads the duplicate keys the database keeps up to
 * date (`src/modules/customer-identity/duplicate-keys.ts`): the page and the count are index reads
 * of the group sizes, the members an index read of the keys. Archived and anonymized customers
 * are left out.
 */
export async function listDuplicateGroups(
  source: SqlSource,
  limit: number,
  offset: number
): Promise<{ groups: { match: "email" | "phone"; key: string; customer_ids: string[] }[]; count: number }> {
  const [rows, [counted]] = await Promise.all([
    selectRows(
      source,
      `SELECT g.match, g.key,
         ARRAY(SELECT k.customer_id FROM customer_duplicate_key k
               WHERE k.match = g.match AND k.key = g.key AND NOT k.archived ORDER BY k.customer_id) AS customer_ids
       FROM (SELECT match, key, size FROM customer_duplicate_group WHERE size > 1
             ORDER BY size DESC, match, key LIMIT :limit OFFSET :offset) g
       ORDER BY g.size DESC, g.match, g.key`,
      { limit, offset }
    ),
    selectRows(source, `SELECT count(*) AS total FROM customer_duplicate_group WHERE size > 1`),
  ])
  return {
    groups: rows.map((r) => ({
      match: r.match as "email" | "phone",
      key: r.key as string,
      customer_ids: r.customer_ids as string[],
    })),
    count: Number(counted?.total ?? 0),
  }
}
