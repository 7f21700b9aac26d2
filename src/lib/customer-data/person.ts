import { MedusaError } from "@medusajs/framework/utils"
import { selectRows, type SqlSource } from "../queries/sql"
import type { Person } from "./types"

/** A safety stop for a chain of records that never ends (it cannot, but a loop must end). */
const MAX_ROUNDS = 50

/**
 * Every record of the person `customerId` belongs to, with their e-mails and phone numbers. The
 * records are the customer itself; every record merged into it (a `customer_merge` with it as
 * survivor that was not undone: the merged-away record is deleted softly, kept for an undo), and
 * so on for those; every live record whose e-mail (case-insensitive) is a primary or alternate
 * e-mail of one of the person's records (guest checkouts, box-office records, as
 * `PERSON_RECORDS_CTE` finds them); and again the records merged into those. Each round is one
 * statement, until no new record turns up.
 *
 * `emails`: the primary and alternate e-mails of all those records, lower case. `phones`: the
 * records' phone numbers and their addresses' (deleted-softly ones included).
 *
 * Reads Medusa's `customer` and `customer_address` and the identity module's
 * `customer_alternate_email` and `customer_merge`. `source` may be the person's transaction.
 * 404 (`customer_not_found`) for an unknown id.
 */
export async function resolvePerson(source: SqlSource, customerId: string): Promise<Person> {
  const [exists] = await selectRows(source, `SELECT id FROM customer WHERE id = :id`, { id: customerId })
  if (!exists) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`, "customer_not_found")
  }
  const records = [customerId]
  const known = new Set(records)
  let fresh = [customerId]
  for (let round = 0; fresh.length && round < MAX_ROUNDS; round++) {
    const rows = await selectRows(
      source,
      `WITH emails AS (
         SELECT lower(email) AS email FROM customer
         WHERE id = any(:all::text[]) AND email IS NOT NULL AND email <> ''
         UNION
         SELECT email FROM customer_alternate_email WHERE customer_id = any(:all::text[]) AND deleted_at IS NULL
       )
       SELECT m.source_id AS id FROM customer_merge m
       WHERE m.survivor_id = any(:fresh::text[]) AND m.status = 'merged' AND m.deleted_at IS NULL
       UNION
       SELECT c.id FROM customer c JOIN emails e ON lower(c.email) = e.email
       WHERE c.deleted_at IS NULL`,
      { all: records, fresh }
    )
    fresh = rows.map((r) => r.id as string).filter((id) => !known.has(id))
    for (const id of fresh) {
      known.add(id)
      records.push(id)
    }
  }
  return await personOfRecords(source, records)
}

/**
 * The person made of exactly these records (the first is the one asked about), as the database
 * describes them now: the records' primary and alternate e-mails (lower case) and the phone numbers
 * of the records and their addresses, deleted-softly rows included. After a restore, that is the
 * person as they were before the erasure.
 */
export async function personOfRecords(source: SqlSource, customerIds: string[]): Promise<Person> {
  const [details] = await selectRows(
    source,
    `SELECT
       (SELECT COALESCE(array_agg(DISTINCT e.email ORDER BY e.email), '{}') FROM (
          SELECT lower(email) AS email FROM customer WHERE id = any(:ids::text[]) AND email IS NOT NULL AND email <> ''
          UNION
          SELECT lower(email) FROM customer_alternate_email WHERE customer_id = any(:ids::text[])
        ) e) AS emails,
       (SELECT COALESCE(array_agg(DISTINCT p.phone ORDER BY p.phone), '{}') FROM (
          SELECT phone FROM customer WHERE id = any(:ids::text[])
          UNION
          SELECT phone FROM customer_address WHERE customer_id = any(:ids::text[])
        ) p WHERE p.phone IS NOT NULL AND btrim(p.phone) <> '') AS phones`,
    { ids: customerIds }
  )
  return {
    customer_id: customerIds[0],
    customer_ids: customerIds,
    emails: details.emails as string[],
    phones: details.phones as string[],
  }
}
