import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { crmError } from "../../lib/errors"
import { CrmEvents } from "../../lib/events"
import {
  dryRunRetention,
  loadRetentionRun,
  RETENTION_STALE_MS,
  retentionCutoff,
  type RetentionDecision,
} from "../../lib/retention"
import { PRIVACY_MODULE } from "../../modules/privacy"
import type PrivacyModuleService from "../../modules/privacy/service"
import { PrivacyErrorCodes } from "../../types/http/privacy"

export const startRetentionRunStepId = "start-retention-run"

/**
 * Starts a real retention run from the admin: 403 `privacy_action_disabled` while retention is
 * off, 409 `retention_running` while another run is going on. A run left running by a crash (its
 * record has not moved for a while) is not started again: it is handed back to be resumed. The
 * compensation removes a run this step created.
 */
export const startRetentionRunStep = createStep(
  startRetentionRunStepId,
  async (input: { actor_id: string | null }, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const settings = await privacy.getPrivacySettings()
    if (!settings.retention_enabled) {
      throw crmError(
        MedusaError.Types.FORBIDDEN,
        PrivacyErrorCodes.PRIVACY_ACTION_DISABLED,
        "The retention policy is turned off in the privacy settings."
      )
    }
    const started = await privacy.startRetentionRun({
      dry_run: false,
      trigger: "admin",
      actor_id: input.actor_id,
      cutoff: retentionCutoff(settings.retention_months),
      period_months: settings.retention_months,
    })
    if (started) {
      return new StepResponse({ id: started.id, resumed: false }, started.id)
    }
    const running = await privacy.runningRetentionRun()
    if (running && Date.now() - new Date(running.updated_at).getTime() > RETENTION_STALE_MS) {
      return new StepResponse({ id: running.id, resumed: true }, null)
    }
    throw crmError(MedusaError.Types.CONFLICT, PrivacyErrorCodes.RETENTION_RUNNING, "A retention run is already going on.")
  },
  async (createdId: string | null | undefined, { container }) => {
    if (!createdId) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.deletePrivacyRetentionRuns([createdId])
  }
)

export type StartRetentionRunWorkflowInput = { actor_id?: string | null }

/**
 * Starts a retention run now (or hands a run left by a crash back to be resumed) and asks the
 * worker to carry it out (`crm.privacy_retention.requested` `{ id }`): nothing heavy runs in the
 * request. 403 while retention is off, 409 `retention_running` while one runs.
 *
 * @example
 * const { result } = await startRetentionRunWorkflow(container).run({ input: { actor_id: "user_1" } })
 */
export const startRetentionRunWorkflow = createWorkflow(
  "start-retention-run",
  (input: WorkflowData<StartRetentionRunWorkflowInput>) => {
    const run = startRetentionRunStep(transform({ input }, ({ input }) => ({ actor_id: input.actor_id ?? null })))
    emitEventStep({
      eventName: CrmEvents.PRIVACY_RETENTION_REQUESTED,
      data: transform({ run }, ({ run }) => ({ id: run.id })),
    })
    return new WorkflowResponse(run)
  }
)

export const retentionDryRunStepId = "retention-dry-run"

/** A decision as a step returns it (ids, reason codes and the date; no personal data). */
export type RetentionDecisionOutput = Omit<RetentionDecision, "last_activity_at" | "customer_ids" | "live_count"> & { last_activity_at: string }

/**
 * Records a dry run and decides about every inactive customer without changing any; returns the
 * first `limit` decisions. The compensation removes the run's record.
 */
export const retentionDryRunStep = createStep(
  retentionDryRunStepId,
  async (input: { actor_id: string | null; months?: number; limit: number }, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const settings = await privacy.getPrivacySettings()
    const months = input.months ?? settings.retention_months
    const run = (await privacy.startRetentionRun({
      dry_run: true,
      trigger: "admin",
      actor_id: input.actor_id,
      cutoff: retentionCutoff(months),
      period_months: months,
    }))!
    const decisions = await dryRunRetention(container, run.id, input.limit)
    const listed: RetentionDecisionOutput[] = decisions.map((d) => ({
      customer_id: d.customer_id,
      would_anonymize: d.would_anonymize,
      reason: d.reason,
      ...(d.values ? { values: d.values } : {}),
      last_activity_at: d.last_activity_at.toISOString(),
    }))
    return new StepResponse({ run_id: run.id, decisions: listed }, run.id)
  },
  async (runId: string | undefined, { container }) => {
    if (!runId) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.deletePrivacyRetentionRuns([runId])
  }
)

export const finishRetentionRunStepId = "finish-retention-run"

/**
 * Ends a running run (`completed`, or `failed` with `error`) and returns what the completion
 * event carries. The compensation sets it running again (a resumable run stays resumable).
 */
export const finishRetentionRunStep = createStep(
  finishRetentionRunStepId,
  async (input: { run_id: string; error?: string | null }, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.finishRetentionRun(input.run_id, input.error ?? null)
    const run = await loadRetentionRun(container, input.run_id)
    return new StepResponse(
      {
        id: run.id,
        dry_run: !!run.dry_run,
        candidates: Number(run.candidates),
        anonymized: Number(run.anonymized),
        exempt: Number(run.exempt),
        skipped: Number(run.skipped),
        failed: Number(run.failed),
      },
      input.run_id
    )
  },
  async (runId: string | undefined, { container }) => {
    if (!runId) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.updatePrivacyRetentionRuns({ id: runId, status: "running", finished_at: null, error: null })
  }
)

export type FinishRetentionRunWorkflowInput = { run_id: string; error?: string | null }

/**
 * Ends a retention run and emits `crm.privacy_retention.completed`
 * `{ id, dry_run, candidates, anonymized, exempt, skipped, failed }` (ids and counts only).
 *
 * @example
 * await finishRetentionRunWorkflow(container).run({ input: { run_id: "pret_123" } })
 */
export const finishRetentionRunWorkflow = createWorkflow(
  "finish-retention-run",
  (input: WorkflowData<FinishRetentionRunWorkflowInput>) => {
    const summary = finishRetentionRunStep(input)
    emitEventStep({ eventName: CrmEvents.PRIVACY_RETENTION_COMPLETED, data: summary })
    return new WorkflowResponse(summary)
  }
)

export type RetentionDryRunWorkflowInput = {
  actor_id?: string | null
  /** The period to preview, in months (default: the setting). */
  months?: number
  /** How many decisions to list. */
  limit: number
}

/**
 * A dry run of the retention policy: who would be anonymized and who is kept, and why, without
 * changing any customer. Recorded as a run (`dry_run`) with its counts; it works while retention is
 * off, for any period (`months`). Returns the run's id and the first `limit` decisions.
 *
 * @example
 * const { result } = await retentionDryRunWorkflow(container).run({ input: { limit: 50, months: 24 } })
 */
export const retentionDryRunWorkflow = createWorkflow(
  "retention-dry-run",
  (input: WorkflowData<RetentionDryRunWorkflowInput>) => {
    const dry = retentionDryRunStep(
      transform({ input }, ({ input }) => ({ actor_id: input.actor_id ?? null, months: input.months, limit: input.limit }))
    )
    const summary = finishRetentionRunStep(transform({ dry }, ({ dry }) => ({ run_id: dry.run_id })))
    emitEventStep({ eventName: CrmEvents.PRIVACY_RETENTION_COMPLETED, data: summary })
    return new WorkflowResponse(dry)
  }
)
