import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { sharedConnection } from "../customer-data"
import { crmError } from "../errors"
import { selectRows, type SqlRow, type SqlSource } from "../queries/sql"
import { CUSTOMER_SEGMENT_MODULE } from "../../modules/customer-segment"
import {
  type CrmReport,
  type CustomerExportFormat,
  type CustomerListColumn,
  CustomerListErrorCodes,
  type CustomerListFilter,
  type ReportDestination,
  type ReportDestinationType,
  type ReportDestinationView,
  type ReportRun,
  type ReportSchedule,
} from "../../types/http/customer-list"
import { DEFAULT_REPORT_TIMEZONE, isTimeZone } from "./schedule"
import type { DestinationSecret } from "./secrets"

/** The default SFTP port and file name (`{date}` YYYY-MM-DD and `{time}` HHmm of the due time, in the report's zone). */
export const SFTP_DEFAULT_PORT = 22
export const defaultFileName = (format: CustomerExportFormat) => `customers-{date}.${format}`

/** What `crm_report.destination` holds: the destination without its secrets, and which secrets are set. */
export type StoredDestination =
  | { type: "file" }
  | { type: "email"; to: string[] }
  | {
      type: "sftp"
      host: string
      port: number
      username: string
      remote_dir: string
      file_name: string
      has_password: boolean
      has_private_key: boolean
    }

/** A `crm_report` row as the plugin reads it. */
export type ReportRecord = {
  id: string
  name: string
  segment_id: string | null
  filter: CustomerListFilter | null
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  frequency: ReportSchedule["frequency"]
  time: string
  weekday: number | null
  day_of_month: number | null
  timezone: string
  destination_type: ReportDestinationType
  destination: StoredDestination
  secret: string | null
  enabled: boolean
  next_run_at: Date | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

/** 404 `report_not_found`. */
export const reportNotFound = (id: string) =>
  crmError(MedusaError.Types.NOT_FOUND, CustomerListErrorCodes.REPORT_NOT_FOUND, `Report ${id} was not found`)

/** The report (not deleted), or null. */
export async function findReport(source: SqlSource, id: string): Promise<ReportRecord | null> {
  const [row] = await selectRows(source, `SELECT * FROM crm_report WHERE id = :id AND deleted_at IS NULL`, { id })
  return (row as ReportRecord | undefined) ?? null
}

/** The report, or 404 `report_not_found`. */
export async function getReport(container: MedusaContainer, id: string): Promise<ReportRecord> {
  const report = await findReport(sharedConnection(container), id)
  if (!report) {
    throw reportNotFound(id)
  }
  return report
}

export const scheduleOf = (r: Pick<ReportRecord, "frequency" | "time" | "weekday" | "day_of_month" | "timezone">): ReportSchedule => ({
  frequency: r.frequency,
  time: r.time,
  weekday: r.weekday,
  day_of_month: r.day_of_month,
  timezone: r.timezone,
})

export function destinationView(d: StoredDestination): ReportDestinationView {
  if (d.type === "sftp") {
    return {
      type: "sftp",
      host: d.host,
      port: d.port,
      username: d.username,
      has_password: !!d.has_password,
      has_private_key: !!d.has_private_key,
      remote_dir: d.remote_dir,
      file_name: d.file_name,
    }
  }
  return d.type === "email" ? { type: "email", to: [...d.to] } : { type: "file" }
}

export function runView(row: SqlRow): ReportRun {
  return {
    id: row.id as string,
    report_id: row.report_id as string,
    trigger: row.trigger as ReportRun["trigger"],
    status: row.status as ReportRun["status"],
    due_at: iso(row.due_at)!,
    attempts: Number(row.attempts),
    next_attempt_at: iso(row.next_attempt_at),
    rows: row.rows === null ? null : Number(row.rows),
    size_bytes: row.size_bytes === null ? null : Number(row.size_bytes),
    duration_ms: row.duration_ms === null ? null : Number(row.duration_ms),
    file_id: (row.file_id as string | null) ?? null,
    remote_path: (row.remote_path as string | null) ?? null,
    error: (row.error as string | null) ?? null,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    created_at: iso(row.created_at)!,
  }
}

/** The report as the API answers it: no secrets, with its latest run. */
export function reportView(r: ReportRecord, lastRun: SqlRow | null): CrmReport {
  return {
    id: r.id,
    name: r.name,
    segment_id: r.segment_id,
    filter: r.filter,
    columns: r.columns,
    format: r.format,
    schedule: scheduleOf(r),
    destination: destinationView(r.destination),
    enabled: r.enabled,
    next_run_at: iso(r.next_run_at),
    last_run: lastRun ? runView(lastRun) : null,
    created_by: r.created_by,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  }
}

/** The latest run of each report, in one query. */
export async function lastRuns(source: SqlSource, reportIds: string[]): Promise<Map<string, SqlRow>> {
  if (!reportIds.length) {
    return new Map()
  }
  const rows = await selectRows(
    source,
    `SELECT DISTINCT ON (report_id) * FROM crm_report_run
      WHERE report_id = any(:ids::text[]) AND deleted_at IS NULL
      ORDER BY report_id, created_at DESC, id DESC`,
    { ids: reportIds }
  )
  return new Map(rows.map((r) => [r.report_id as string, r]))
}

/** The report as the API answers it, or 404. */
export async function refetchReport(container: MedusaContainer, id: string): Promise<CrmReport> {
  const report = await getReport(container, id)
  const last = await lastRuns(sharedConnection(container), [id])
  return reportView(report, last.get(id) ?? null)
}

/** The time zone of a new report without one: the store's (`metadata.timezone`), else UTC. */
export async function storeTimeZone(container: MedusaContainer): Promise<string> {
  const [store] = await selectRows(
    sharedConnection(container),
    `SELECT metadata->>'timezone' AS timezone FROM store WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`
  )
  const zone = (store?.timezone as string | null) ?? null
  return zone && isTimeZone(zone) ? zone : DEFAULT_REPORT_TIMEZONE
}

/**
 * A destination as given (secrets included) split into what `crm_report.destination` keeps and
 * the secret to encrypt. Without a new password or key, an SFTP destination keeps the stored
 * secret (`keep_secret`); a new password or key replaces both.
 */
export function splitDestination(
  given: ReportDestination,
  format: CustomerExportFormat,
  previous: StoredDestination | null
): { stored: StoredDestination; secret: DestinationSecret | null; keep_secret: boolean } {
  if (given.type !== "sftp") {
    return { stored: given.type === "email" ? { type: "email", to: given.to } : { type: "file" }, secret: null, keep_secret: false }
  }
  const fresh = !!(given.password || given.private_key)
  const before = previous?.type === "sftp" ? previous : null
  return {
    stored: {
      type: "sftp",
      host: given.host,
      port: given.port ?? SFTP_DEFAULT_PORT,
      username: given.username,
      remote_dir: given.remote_dir ?? ".",
      file_name: given.file_name ?? defaultFileName(format),
      has_password: fresh ? !!given.password : !!before?.has_password,
      has_private_key: fresh ? !!given.private_key : !!before?.has_private_key,
    },
    secret: fresh ? { ...(given.password ? { password: given.password } : {}), ...(given.private_key ? { private_key: given.private_key } : {}) } : null,
    keep_secret: !fresh,
  }
}

/** 404 `segment_not_found` unless the segment exists. */
export async function assertSegmentExists(container: MedusaContainer, segmentId: string) {
  const segments = container.resolve<any>(CUSTOMER_SEGMENT_MODULE)
  const [segment] = await segments.listCustomerSegments({ id: segmentId }, { select: ["id"] })
  if (!segment) {
    throw crmError(MedusaError.Types.NOT_FOUND, CustomerListErrorCodes.SEGMENT_NOT_FOUND, `Segment ${segmentId} was not found`)
  }
}

/** The filter a report runs: its segment's current filter (read from the segment module), or its own. */
export async function reportFilter(container: MedusaContainer, report: ReportRecord): Promise<CustomerListFilter> {
  if (!report.segment_id) {
    return report.filter ?? {}
  }
  const segments = container.resolve<any>(CUSTOMER_SEGMENT_MODULE)
  const [segment] = await segments.listCustomerSegments({ id: report.segment_id }, { select: ["id", "filter"] })
  if (!segment) {
    throw crmError(MedusaError.Types.NOT_FOUND, CustomerListErrorCodes.SEGMENT_NOT_FOUND, `The report's segment ${report.segment_id} was deleted`)
  }
  return (segment.filter ?? {}) as CustomerListFilter
}
