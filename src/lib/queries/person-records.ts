import { normalizeEmail } from "../../modules/customer-identity"
import { selectRows, type SqlSource } from "./sql"

/**
 * The records of one person, for each of the customers in `:customer_ids` (a text array): the
 * customer itself, and every live customer record whose e-mail is the customer's primary or an
 * alternate e-mail (case-insensitive), such as guest checkouts. Their orders are the person's.
 * Records are matched on the customer table, so orders are then found by `customer_id` (indexed)
 * and the order table is never scanned by e-mail.
 *
 * Gives `person_records (customer_id, record_id)`; reads Medusa's `customer` table and the
 * identity module's `customer_alternate_email`. Every read model that needs "this person's
 * orders" starts from it.
 */
export const PERSON_RECORDS_CTE = `
  person_emails AS (
    SELECT c.id AS customer_id, lower(c.email) AS email FROM customer c
    WHERE c.id = any(:customer_ids::text[]) AND c.email IS NOT NULL AND c.email <> ''
    UNION
    SELECT a.customer_id, a.email FROM customer_alternate_email a
    WHERE a.customer_id = any(:customer_ids::text[]) AND a.deleted_at IS NULL
  ),
  person_records AS (
    SELECT t.id AS customer_id, t.id AS record_id FROM unnest(:customer_ids::text[]) AS t(id)
    UNION
    SELECT e.customer_id, c.id FROM person_emails e
    JOIN customer c ON lower(c.email) = e.email AND c.deleted_at IS NULL
  )`

/** The records of one person (the customer first), as in `PERSON_RECORDS_CTE`. */
export async function listPersonRecords(source: SqlSource, customerId: string): Promise<string[]> {
  const rows = await selectRows(
    source,
    `WITH ${PERSON_RECORDS_CTE}
     SELECT record_id FROM person_records ORDER BY record_id = :customer_id DESC, record_id`,
    { customer_ids: [customerId], customer_id: customerId }
  )
  return rows.map((r) => r.record_id as string)
}

/**
 * The customers e-mail addresses belong to: as their primary (case-insensitive) or an alternate
 * address. Deleted customers are left out.
 */
export async function findCustomersByEmails(source: SqlSource, emails: string[]): Promise<string[]> {
  const list = [...new Set(emails.filter(Boolean).map(normalizeEmail))]
  if (!list.length) {
    return []
  }
  const rows = await selectRows(
    source,
    `SELECT id AS customer_id FROM customer WHERE deleted_at IS NULL AND lower(email) = any(:emails::text[])
     UNION
     SELECT customer_id FROM customer_alternate_email WHERE deleted_at IS NULL AND email = any(:emails::text[])`,
    { emails: list }
  )
  return rows.map((r) => r.customer_id as string)
}
