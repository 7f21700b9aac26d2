import type { PrivacyRequestRow } from "../../modules/privacy/service"
import type {
  PrivacyRequestKind,
  PrivacyRequestSource,
  PrivacyRequestStatus,
} from "../../types/http/privacy"
import { selectRows, type SqlSource } from "./sql"

/**
 * The store-wide privacy requests log: the privacy module's `privacy_request` with whose request it
 * is, from Medusa's `customer` table (none once the customer was deleted; an anonymized customer
 * shows their placeholder).
 */

export type PrivacyRequestLogFilter = {
  status?: PrivacyRequestStatus
  kind?: PrivacyRequestKind
  source?: PrivacyRequestSource
  overdue?: boolean
  customer_id?: string
  limit: number
  offset: number
}

export type PrivacyRequestLogRow = PrivacyRequestRow & {
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
}

/** Pending and past its due date, for request `r`, in SQL. */
const OVERDUE_SQL = `(r.status = 'pending' AND r.due_at IS NOT NULL AND r.due_at < now())`

/**
 * One page of the log, newest first, with how many requests match and how many are overdue
 * store-wide (whatever the filters). Every filter is a bound value; a filter left out matches all.
 */
export async function listPrivacyRequestLog(
  source: SqlSource,
  filter: PrivacyRequestLogFilter
): Promise<{ rows: PrivacyRequestLogRow[]; count: number; overdue_count: number }> {
  const values = {
    status: filter.status ?? null,
    kind: filter.kind ?? null,
    source: filter.source ?? null,
    customer_id: filter.customer_id ?? null,
    overdue: filter.overdue ?? null,
    limit: filter.limit,
    offset: filter.offset,
  }
  const where = `r.deleted_at IS NULL
      AND (:status::text IS NULL OR r.status::text = :status)
      AND (:kind::text IS NULL OR r.kind::text = :kind)
      AND (:source::text IS NULL OR r.source::text = :source)
      AND (:customer_id::text IS NULL OR r.customer_id = :customer_id)
      AND (:overdue::boolean IS NULL OR ${OVERDUE_SQL} = :overdue)`
  const [rows, [counts]] = await Promise.all([
    selectRows(
      source,
      `SELECT r.id, r.customer_id, r.kind, r.status, r.source, r.actor_id, r.refusal_code, r.record_count,
         r.created_at, r.completed_at, r.due_at, r.file_id, r.expires_at, r.include_notes, r.size_bytes,
         r.downloaded_at,
         c.id AS c_id, c.email AS c_email, c.first_name AS c_first_name, c.last_name AS c_last_name
       FROM privacy_request r
       LEFT JOIN customer c ON c.id = r.customer_id AND c.deleted_at IS NULL
       WHERE ${where}
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT :limit OFFSET :offset`,
      values
    ),
    selectRows(
      source,
      `SELECT
         (SELECT count(*) FROM privacy_request r WHERE ${where}) AS count,
         (SELECT count(*) FROM privacy_request r WHERE r.deleted_at IS NULL AND ${OVERDUE_SQL}) AS overdue_count`,
      values
    ),
  ])
  return {
    rows: rows.map(({ c_id, c_email, c_first_name, c_last_name, ...r }) => ({
      ...(r as unknown as PrivacyRequestRow),
      customer: c_id
        ? {
            id: c_id as string,
            email: (c_email as string | null) ?? null,
            first_name: (c_first_name as string | null) ?? null,
            last_name: (c_last_name as string | null) ?? null,
          }
        : null,
    })),
    count: Number(counts.count),
    overdue_count: Number(counts.overdue_count),
  }
}
