import { generateEntityId } from "@medusajs/framework/utils"
import { selectRows, type SqlConnection } from "../../lib/queries/sql"
import type { PrivacyErasureKind } from "./models/privacy-erasure"

/**
 * Adds customer records to the erasure log (ids only) on `sql`, which is the person's one
 * transaction when called from the anonymize and delete workflows: the log is written with the
 * erasure or not at all. A record already logged (anonymized, then deleted) gets the newer kind.
 */
export async function logErasures(
  sql: SqlConnection,
  customerIds: string[],
  kind: PrivacyErasureKind,
  requestId: string | null
): Promise<void> {
  const ids = [...new Set(customerIds)]
  if (!ids.length) {
    return
  }
  await selectRows(
    sql,
    `INSERT INTO privacy_erasure (id, customer_id, kind, request_id, erased_at)
     SELECT e.id, e.customer_id, :kind, :request_id, now()
     FROM unnest(:ids::text[], :customer_ids::text[]) AS e(id, customer_id)
     ON CONFLICT (customer_id) WHERE deleted_at IS NULL
     DO UPDATE SET kind = EXCLUDED.kind, request_id = EXCLUDED.request_id, erased_at = EXCLUDED.erased_at, updated_at = now()`,
    {
      ids: ids.map(() => generateEntityId(undefined, "perase")),
      customer_ids: ids,
      kind,
      request_id: requestId,
    }
  )
}

/**
 * Marks a pending request completed on `sql` (the person's transaction): the request is done
 * exactly when the erasure is.
 */
export async function completePrivacyRequestIn(sql: SqlConnection, requestId: string, recordCount: number): Promise<void> {
  await selectRows(
    sql,
    `UPDATE privacy_request SET status = 'completed', record_count = :count, completed_at = now(), updated_at = now()
     WHERE id = :id AND status = 'pending'`,
    { id: requestId, count: recordCount }
  )
}
