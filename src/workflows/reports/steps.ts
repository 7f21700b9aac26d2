import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sharedConnection } from "../../lib/customer-data"
import { crmError } from "../../lib/errors"
import { selectRows, type SqlRow } from "../../lib/queries/sql"
import { assertSegmentExists, findReport, reportNotFound, type StoredDestination } from "../../lib/reports/reports"
import { newRunId } from "../../lib/reports/ids"
import { nextRunAt } from "../../lib/reports/schedule"
import { CRM_REPORT_MODULE } from "../../modules/crm-report"
import type CrmReportModuleService from "../../modules/crm-report/service"
import {
  type CustomerExportFormat,
  type CustomerListColumn,
  CustomerListErrorCodes,
  type CustomerListFilter,
  type ReportRunStatus,
  type ReportSchedule,
} from "../../types/http/customer-list"

/**
 * A report as the workflows write it. The destination's secret arrives encrypted (`secret`), so
 * no password or key is ever part of a workflow's input or output; `keep_secret` keeps the stored one.
 */
export type ReportValues = {
  name: string
  segment_id: string | null
  filter: CustomerListFilter | null
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  schedule: Required<Pick<ReportSchedule, "frequency" | "time" | "timezone">> & Pick<ReportSchedule, "weekday" | "day_of_month">
  destination: StoredDestination
  secret: string | null
  keep_secret: boolean
  enabled: boolean
}

const columnsOf = (v: ReportValues) => ({
  name: v.name,
  segment_id: v.segment_id,
  filter: v.filter as Record<string, unknown> | null,
  columns: v.columns as unknown as Record<string, unknown>,
  format: v.format,
  frequency: v.schedule.frequency,
  time: v.schedule.time,
  weekday: v.schedule.frequency === "weekly" ? v.schedule.weekday ?? null : null,
  day_of_month: v.schedule.frequency === "monthly" ? v.schedule.day_of_month ?? null : null,
  timezone: v.schedule.timezone,
  destination_type: v.destination.type,
  destination: v.destination as unknown as Record<string, unknown>,
  enabled: v.enabled,
  next_run_at: v.enabled ? nextRunAt(v.schedule) : null,
})

export const assertReportSourceStepId = "assert-report-source"

/** 404 `segment_not_found` when the report reads a segment that does not exist. Writes nothing. */
export const assertReportSourceStep = createStep(
  assertReportSourceStepId,
  async (input: { segment_id: string | null }, { container }) => {
    if (input.segment_id) {
      await assertSegmentExists(container, input.segment_id)
    }
    return new StepResponse(true)
  }
)

export const createReportStepId = "create-report"

/** Saves a new report with its first due time; the compensation removes it. */
export const createReportStep = createStep(
  createReportStepId,
  async (input: ReportValues & { created_by: string | null }, { container }) => {
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    const created = await service.createCrmReports({ ...columnsOf(input), secret: input.secret, created_by: input.created_by })
    return new StepResponse({ id: created.id }, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    await service.deleteCrmReports([id])
  }
)

/** The columns an update may change, as they were (for the compensation). */
type ReportSnapshot = Record<string, unknown> & { id: string }

const SNAPSHOT_COLUMNS = [
  "name",
  "segment_id",
  "filter",
  "columns",
  "format",
  "frequency",
  "time",
  "weekday",
  "day_of_month",
  "timezone",
  "destination_type",
  "destination",
  "secret",
  "enabled",
  "next_run_at",
] as const

const snapshotOf = (row: SqlRow): ReportSnapshot =>
  Object.fromEntries([["id", row.id], ...SNAPSHOT_COLUMNS.map((c) => [c, row[c]])]) as ReportSnapshot

export const updateReportStepId = "update-report"

/**
 * Changes a report (404 `report_not_found`) and recomputes its next due time from the schedule
 * (none while disabled). The stored secret stays unless a new one is given. The compensation puts
 * every changed column back.
 */
export const updateReportStep = createStep(
  updateReportStepId,
  async (input: ReportValues & { id: string }, { container }) => {
    const before = await findReport(sharedConnection(container), input.id)
    if (!before) {
      throw reportNotFound(input.id)
    }
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    const secret = input.keep_secret && input.destination.type === "sftp" ? before.secret : input.secret
    await service.updateCrmReports({ id: input.id, ...columnsOf(input), secret })
    return new StepResponse({ id: input.id }, snapshotOf(before as unknown as SqlRow))
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    await service.updateCrmReports(snapshot as any)
  }
)

export const deleteReportStepId = "delete-report"

/** Deletes a report (soft; its runs stay as the history); 404 `report_not_found`. The compensation restores it. */
export const deleteReportStep = createStep(
  deleteReportStepId,
  async (id: string, { container }) => {
    if (!(await findReport(sharedConnection(container), id))) {
      throw reportNotFound(id)
    }
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    await service.softDeleteCrmReports([id])
    return new StepResponse({ id }, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    await service.restoreCrmReports([id])
  }
)

export const queueReportRunStepId = "queue-report-run"

/**
 * Queues a run of the report by hand, due now: 404 `report_not_found`, 409 `report_run_in_progress`
 * while one is queued or running. The report's row is locked for the check and the insert, so two
 * clicks at once queue one run. The compensation removes the run.
 */
export const queueReportRunStep = createStep(
  queueReportRunStepId,
  async (input: { report_id: string }, { container }) => {
    const db = sharedConnection(container)
    const run = await db.transaction(async (trx) => {
      const [report] = await selectRows(trx, `SELECT id FROM crm_report WHERE id = :id AND deleted_at IS NULL FOR UPDATE`, {
        id: input.report_id,
      })
      if (!report) {
        throw reportNotFound(input.report_id)
      }
      const [busy] = await selectRows(
        trx,
        `SELECT id FROM crm_report_run WHERE report_id = :id AND status IN ('queued', 'running') AND deleted_at IS NULL LIMIT 1`,
        { id: input.report_id }
      )
      if (busy) {
        throw crmError(
          MedusaError.Types.CONFLICT,
          CustomerListErrorCodes.REPORT_RUN_IN_PROGRESS,
          `A run of this report is already queued or running (${busy.id})`
        )
      }
      const [row] = await selectRows(
        trx,
        `INSERT INTO crm_report_run (id, report_id, trigger, status, due_at, attempts, created_at, updated_at)
         VALUES (:id, :report_id, 'manual', 'queued', now(), 0, now(), now())
         RETURNING id`,
        { id: newRunId(), report_id: input.report_id }
      )
      return row
    })
    return new StepResponse({ id: run.id as string, report_id: input.report_id }, run.id as string)
  },
  async (runId, { container }) => {
    if (!runId) {
      return
    }
    await selectRows(sharedConnection(container), `DELETE FROM crm_report_run WHERE id = :id AND status = 'queued'`, { id: runId })
  }
)

export type ReportRunResult = {
  run_id: string
  report_id: string
  status: Extract<ReportRunStatus, "succeeded" | "retrying" | "failed">
  rows: number | null
  size_bytes: number | null
  duration_ms: number
  file_id: string | null
  remote_path: string | null
  error: string | null
  next_attempt_at: string | null
}

export const recordReportRunResultStepId = "record-report-run-result"

/** Records how an attempt went (only on a run that is running); the compensation puts the run back as it was. */
export const recordReportRunResultStep = createStep(
  recordReportRunResultStepId,
  async (input: ReportRunResult, { container }) => {
    const db = sharedConnection(container)
    const [before] = await selectRows(db, `SELECT * FROM crm_report_run WHERE id = :id AND status = 'running'`, { id: input.run_id })
    if (!before) {
      return new StepResponse({ recorded: false }, null)
    }
    const final = input.status !== "retrying"
    await selectRows(
      db,
      `UPDATE crm_report_run
          SET status = :status, rows = coalesce(:rows, rows), size_bytes = coalesce(:size_bytes, size_bytes),
              duration_ms = :duration_ms, file_id = :file_id, remote_path = :remote_path, error = :error,
              next_attempt_at = :next_attempt_at, finished_at = CASE WHEN :final::boolean THEN now() ELSE NULL END,
              updated_at = now()
        WHERE id = :id`,
      {
        id: input.run_id,
        status: input.status,
        rows: input.rows,
        size_bytes: input.size_bytes,
        duration_ms: input.duration_ms,
        file_id: input.file_id,
        remote_path: input.remote_path,
        error: input.error,
        next_attempt_at: input.next_attempt_at,
        final,
      }
    )
    return new StepResponse({ recorded: true }, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await selectRows(
      sharedConnection(container),
      `UPDATE crm_report_run SET status = :status, rows = :rows, size_bytes = :size_bytes, duration_ms = :duration_ms,
              file_id = :file_id, remote_path = :remote_path, error = :error, next_attempt_at = :next_attempt_at,
              finished_at = :finished_at, updated_at = now()
        WHERE id = :id`,
      {
        id: before.id,
        status: before.status,
        rows: before.rows,
        size_bytes: before.size_bytes,
        duration_ms: before.duration_ms,
        file_id: before.file_id,
        remote_path: before.remote_path,
        error: before.error,
        next_attempt_at: before.next_attempt_at,
        finished_at: before.finished_at,
      }
    )
  }
)
