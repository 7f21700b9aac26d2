import type { CustomerListExport } from "../../types/http/customer-list"
import { selectRows, type SqlRow, type SqlSource } from "../../lib/queries/sql"

/**
 * The `crm_export` rows' state changes, each one conditional statement so that two workers (or
 * the same event delivered twice) never export twice: only a pending export is claimed, only a
 * running one is finished or failed, only a done one expires.
 */

/** How long an export's file can be downloaded (`CRM_EXPORT_TTL_HOURS`, default 24). */
export const exportTtlHours = () => {
  const hours = Number(process.env.CRM_EXPORT_TTL_HOURS)
  return Number.isFinite(hours) && hours > 0 ? hours : 24
}

/** A running export whose progress has not moved for this long was left by a stopped worker. */
export const EXPORT_STALLED_MINUTES = 15

/** Claims a pending export for this worker (pending → running); null when it is not pending. */
export async function claimExport(source: SqlSource, id: string): Promise<SqlRow | null> {
  const [row] = await selectRows(
    source,
    `UPDATE crm_export SET status = 'running', started_at = now(), processed = 0, error = NULL, updated_at = now()
      WHERE id = :id AND status = 'pending' AND deleted_at IS NULL
      RETURNING id, filter, columns, format`,
    { id }
  )
  return row ?? null
}

/** Puts a claimed export back to pending (a workflow's compensation). */
export async function unclaimExport(source: SqlSource, id: string) {
  await selectRows(
    source,
    `UPDATE crm_export SET status = 'pending', started_at = NULL, processed = 0, updated_at = now()
      WHERE id = :id AND status = 'running'`,
    { id }
  )
}

/** Records a batch's progress on a running export. */
export async function recordExportProgress(source: SqlSource, id: string, processed: number, total: number) {
  await selectRows(
    source,
    `UPDATE crm_export SET processed = :processed, total = :total, updated_at = now() WHERE id = :id AND status = 'running'`,
    { id, processed, total }
  )
}

/** Finishes a running export with its file; false when it was not running. */
export async function finishExport(
  source: SqlSource,
  id: string,
  file: { file_id: string; rows: number; size_bytes: number; expires_at: Date }
): Promise<boolean> {
  const [row] = await selectRows(
    source,
    `UPDATE crm_export SET status = 'done', file_id = :file_id, size_bytes = :size_bytes, processed = :rows, total = :rows,
            expires_at = :expires_at, finished_at = now(), updated_at = now()
      WHERE id = :id AND status = 'running' RETURNING id`,
    { id, ...file }
  )
  return !!row
}

/** Marks a pending or running export failed, with a message free of personal data. */
export async function failExport(source: SqlSource, id: string, error: string): Promise<boolean> {
  const [row] = await selectRows(
    source,
    `UPDATE crm_export SET status = 'failed', error = :error, finished_at = now(), updated_at = now()
      WHERE id = :id AND status IN ('pending', 'running') RETURNING id`,
    { id, error }
  )
  return !!row
}

/** Done exports whose download expired, oldest first. */
export async function expiredExports(source: SqlSource, limit: number): Promise<{ id: string; file_id: string }[]> {
  const rows = await selectRows(
    source,
    `SELECT id, file_id FROM crm_export
      WHERE status = 'done' AND expires_at <= now() AND deleted_at IS NULL
      ORDER BY expires_at, id LIMIT :limit`,
    { limit }
  )
  return rows.map((r) => ({ id: r.id as string, file_id: r.file_id as string }))
}

/** Marks done exports expired (their file is to be removed); returns those it changed. */
export async function expireExports(source: SqlSource, ids: string[]): Promise<{ id: string; file_id: string }[]> {
  if (!ids.length) {
    return []
  }
  const rows = await selectRows(
    source,
    `UPDATE crm_export SET status = 'expired', updated_at = now()
      WHERE id = ANY(:ids) AND status = 'done' AND expires_at <= now() RETURNING id, file_id`,
    { ids }
  )
  return rows.map((r) => ({ id: r.id as string, file_id: r.file_id as string }))
}

/** Puts exports back to done (the compensation of `expireExports`). */
export async function unexpireExports(source: SqlSource, ids: string[]) {
  if (ids.length) {
    await selectRows(source, `UPDATE crm_export SET status = 'done', updated_at = now() WHERE id = ANY(:ids) AND status = 'expired'`, { ids })
  }
}

/**
 * Exports a stopped worker left behind: running with no progress for `EXPORT_STALLED_MINUTES`, put
 * back to pending so they can be requested again. Returns their ids.
 */
export async function releaseStalledExports(source: SqlSource): Promise<string[]> {
  const rows = await selectRows(
    source,
    `UPDATE crm_export SET status = 'pending', started_at = NULL, processed = 0, updated_at = now()
      WHERE status = 'running' AND deleted_at IS NULL AND updated_at < now() - make_interval(mins => :minutes)
      RETURNING id`,
    { minutes: EXPORT_STALLED_MINUTES }
  )
  return rows.map((r) => r.id as string)
}

const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

/** The path of an export's download route (the admin's own, authenticated). */
export const exportDownloadPath = (id: string) => `/admin/crm/exports/${id}/download`

/** A `crm_export` row as the HTTP contract shows it; a done export that has not expired gets its download link. */
export function toCustomerListExport(row: Record<string, any>): CustomerListExport {
  const downloadable =
    row.status === "done" && !!row.file_id && (!row.expires_at || new Date(row.expires_at).getTime() > Date.now())
  return {
    id: row.id,
    source: row.source,
    segment_id: row.segment_id ?? null,
    filter: row.filter ?? {},
    columns: row.columns ?? [],
    format: row.format,
    status: row.status,
    processed: Number(row.processed ?? 0),
    total: Number(row.total ?? 0),
    size_bytes: row.size_bytes === null || row.size_bytes === undefined ? null : Number(row.size_bytes),
    download_url: downloadable ? exportDownloadPath(row.id) : null,
    expires_at: isoOrNull(row.expires_at),
    error: row.error ?? null,
    created_by: row.created_by ?? null,
    created_at: isoOrNull(row.created_at) as string,
    finished_at: isoOrNull(row.finished_at),
  }
}
