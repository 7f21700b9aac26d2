import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sharedConnection } from "../customer-data"
import { runExclusive } from "../exclusive-job"
import { selectRows, type SqlRow } from "../queries/sql"
import { finishReportRunWorkflow } from "../../workflows/reports/finish-report-run"
import { deliverReport } from "./deliver"
import { newRunId } from "./ids"
import { findReport, reportFilter, scheduleOf } from "./reports"
import { nextRunAt } from "./schedule"

/**
 * Runs of scheduled reports, on the worker. A run is claimed by one conditional UPDATE (queued,
 * or retrying and due → running), so however many instances and subscribers see it, one carries
 * it out. A failed attempt is retried with backoff (`retryPolicy`) and ends as `failed` with its
 * error after the last attempt: never dropped silently.
 */

/** The lock key of the due-reports round. */
export const REPORTS_LOCK_KEY = "medusa-crm:run-due-reports"

/** Seconds to wait before each retry, and the attempts a run gets in all. */
export type RetryPolicy = { delays_seconds: number[]; max_attempts: number }

export const DEFAULT_RETRY_POLICY: RetryPolicy = { delays_seconds: [60, 300, 900], max_attempts: 3 }

/**
 * The retry policy: `CRM_REPORT_RETRY_DELAYS` (seconds between attempts, comma separated, e.g.
 * "60,300,900") and `CRM_REPORT_MAX_ATTEMPTS` (attempts in all), read when a run fails.
 */
export function retryPolicy(): RetryPolicy {
  const delays = (process.env.CRM_REPORT_RETRY_DELAYS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number)
  const max = Number(process.env.CRM_REPORT_MAX_ATTEMPTS)
  return {
    delays_seconds: delays.length && delays.every((d) => Number.isFinite(d) && d >= 0) ? delays : DEFAULT_RETRY_POLICY.delays_seconds,
    max_attempts: Number.isInteger(max) && max >= 1 ? max : DEFAULT_RETRY_POLICY.max_attempts,
  }
}

/** Errors no retry can mend: the report or its segment is gone. */
class PermanentRunError extends Error {}

/** Claims a run for this process: queued, or retrying with its next attempt due. Null: someone else has it, or it is done. */
async function claimRun(container: MedusaContainer, runId: string): Promise<SqlRow | null> {
  const [row] = await selectRows(
    sharedConnection(container),
    `UPDATE crm_report_run
        SET status = 'running', attempts = attempts + 1, started_at = now(), next_attempt_at = NULL, updated_at = now()
      WHERE id = :id AND deleted_at IS NULL
        AND (status = 'queued' OR (status = 'retrying' AND next_attempt_at <= now()))
      RETURNING *`,
    { id: runId }
  )
  return row ?? null
}

export type RunOutcome = {
  status: "succeeded" | "retrying" | "failed"
  rows: number | null
  size_bytes: number | null
  duration_ms: number
  file_id: string | null
  remote_path: string | null
  error: string | null
  next_attempt_at: Date | null
}

/** A message for the run's record: the reason, cut to a length a table shows. */
const errorText = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 1000)

/**
 * Carries out one run if it can be claimed (see `claimRun`): writes the rows, delivers them and
 * records the outcome through `finishReportRunWorkflow` (which tells `crm.report_run.completed`
 * when it is final). Returns the outcome, or null when the run was not this process's to run.
 */
export async function executeReportRun(container: MedusaContainer, runId: string): Promise<RunOutcome | null> {
  const run = await claimRun(container, runId)
  if (!run) {
    return null
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  let outcome: RunOutcome
  try {
    const report = await findReport(sharedConnection(container), run.report_id as string)
    if (!report) {
      throw new PermanentRunError("The report was deleted")
    }
    const filter = await reportFilter(container, report).catch((e) => {
      throw new PermanentRunError(errorText(e))
    })
    const delivery = await deliverReport(
      container,
      report,
      { id: run.id as string, due_at: run.due_at as Date, file_id: (run.file_id as string | null) ?? null },
      filter
    )
    outcome = { status: "succeeded", ...delivery, duration_ms: Date.now() - started, error: null, next_attempt_at: null }
  } catch (e) {
    const policy = retryPolicy()
    const attempts = Number(run.attempts)
    const retry = !(e instanceof PermanentRunError) && attempts < policy.max_attempts
    const delay = policy.delays_seconds[Math.min(attempts - 1, policy.delays_seconds.length - 1)] ?? 60
    outcome = {
      status: retry ? "retrying" : "failed",
      rows: null,
      size_bytes: null,
      duration_ms: Date.now() - started,
      file_id: (run.file_id as string | null) ?? null,
      remote_path: null,
      error: errorText(e),
      next_attempt_at: retry ? new Date(Date.now() + delay * 1000) : null,
    }
    // Ids and the reason only: the reason names a host or a file, never a customer.
    logger.warn(`medusa-crm: report run ${runId} (attempt ${attempts}) ${retry ? "will be retried" : "failed"}: ${outcome.error}`)
  }
  await finishReportRunWorkflow(container).run({
    input: {
      run_id: runId,
      report_id: run.report_id as string,
      ...outcome,
      next_attempt_at: outcome.next_attempt_at?.toISOString() ?? null,
    },
  })
  return outcome
}

/**
 * For each enabled report whose `next_run_at` has come: writes the run for that due time (one per
 * report and due time however many instances do this at once: the unique index and `ON CONFLICT
 * DO NOTHING`) and moves `next_run_at` to the next due time after now (a report missed while no
 * instance ran gets one run, not one per missed time). Returns the ids of the runs written.
 */
export async function enqueueDueRuns(container: MedusaContainer, now = new Date()): Promise<string[]> {
  const db = sharedConnection(container)
  const due = await selectRows(
    db,
    `SELECT * FROM crm_report WHERE enabled = true AND deleted_at IS NULL AND next_run_at <= :now ORDER BY next_run_at, id LIMIT 500`,
    { now }
  )
  const queued: string[] = []
  for (const report of due) {
    const [run] = await selectRows(
      db,
      `INSERT INTO crm_report_run (id, report_id, trigger, status, due_at, attempts, created_at, updated_at)
       VALUES (:id, :report_id, 'schedule', 'queued', :due_at, 0, now(), now())
       ON CONFLICT (report_id, due_at) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      { id: newRunId(), report_id: report.id, due_at: report.next_run_at }
    )
    // Only the instance that still sees the same due time moves it on.
    await selectRows(
      db,
      `UPDATE crm_report SET next_run_at = :next, updated_at = now() WHERE id = :id AND next_run_at = :due_at`,
      { id: report.id, due_at: report.next_run_at, next: nextRunAt(scheduleOf(report as any), now) }
    )
    if (run) {
      queued.push(run.id as string)
    }
  }
  return queued
}


/** A run still `running` this long after its last change was left by a stopped worker. */
export const STALE_RUN_MINUTES = 60

/**
 * Runs a stopped worker left `running` (a crash, a deploy) are retried like a failed attempt,
 * or marked failed when that was their last attempt: never left hanging.
 */
async function releaseStaleRuns(container: MedusaContainer) {
  const policy = retryPolicy()
  await selectRows(
    sharedConnection(container),
    `UPDATE crm_report_run
        SET status = CASE WHEN attempts < :max THEN 'retrying' ELSE 'failed' END,
            next_attempt_at = CASE WHEN attempts < :max THEN now() ELSE NULL END,
            finished_at = CASE WHEN attempts < :max THEN NULL ELSE now() END,
            error = 'The worker stopped during this attempt', updated_at = now()
      WHERE status = 'running' AND deleted_at IS NULL AND updated_at < now() - make_interval(mins => :minutes)`,
    { max: policy.max_attempts, minutes: STALE_RUN_MINUTES }
  )
}

/** Runs whose time has come besides new ones: retries that are due, and queued runs nobody picked up for 5 minutes. */
async function waitingRuns(container: MedusaContainer): Promise<string[]> {
  const rows = await selectRows(
    sharedConnection(container),
    `SELECT id FROM crm_report_run
      WHERE deleted_at IS NULL
        AND ((status = 'retrying' AND next_attempt_at <= now())
          OR (status = 'queued' AND created_at <= now() - interval '5 minutes'))
      ORDER BY due_at, id LIMIT 500`
  )
  return rows.map((r) => r.id as string)
}

/**
 * The job's round: under the lock, queues the due runs; then carries out those and the retries
 * that are due, one after another (each claimed, so a subscriber or another instance running the
 * same run at once is harmless). Returns the outcomes by run id.
 */
export async function runDueReports(container: MedusaContainer, now = new Date()): Promise<Record<string, RunOutcome["status"]>> {
  const ids = await runExclusive(container, REPORTS_LOCK_KEY, "run-due-reports", async () => {
    const queued = await enqueueDueRuns(container, now)
    await releaseStaleRuns(container)
    const waiting = await waitingRuns(container)
    return [...new Set([...queued, ...waiting])]
  })
  const outcomes: Record<string, RunOutcome["status"]> = {}
  for (const id of ids ?? []) {
    const outcome = await executeReportRun(container, id)
    if (outcome) {
      outcomes[id] = outcome.status
    }
  }
  return outcomes
}
