import { createWorkflow, transform, type WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import {
  assertReportSourceStep,
  createReportStep,
  deleteReportStep,
  queueReportRunStep,
  type ReportValues,
  updateReportStep,
} from "./steps"

export type CreateReportWorkflowInput = ReportValues & { created_by?: string | null }

/**
 * Saves a scheduled report (its destination's secret already encrypted) with its first due time
 * and tells `crm.report.created` `{ id }`. 404 `segment_not_found` for a missing segment.
 *
 * @example
 * const { result } = await createReportWorkflow(container).run({ input: { name: "VIP", …, destination: { type: "file" } } })
 */
export const createReportWorkflow = createWorkflow("create-report", (input: WorkflowData<CreateReportWorkflowInput>) => {
  assertReportSourceStep(transform({ input }, ({ input }) => ({ segment_id: input.segment_id ?? null })))
  const report = createReportStep(transform({ input }, ({ input }) => ({ ...input, created_by: input.created_by ?? null })))
  emitEventStep({ eventName: CrmEvents.REPORT_CREATED, data: transform({ report }, ({ report }) => ({ id: report.id })) })
  return new WorkflowResponse(report)
})

export type UpdateReportWorkflowInput = ReportValues & { id: string }

/**
 * Changes a report (the route merges the changes into the saved report first) and recomputes its
 * next due time; tells `crm.report.updated` `{ id }`. 404 `report_not_found` / `segment_not_found`.
 *
 * @example
 * await updateReportWorkflow(container).run({ input: { id: "crep_1", ...values } })
 */
export const updateReportWorkflow = createWorkflow("update-report", (input: WorkflowData<UpdateReportWorkflowInput>) => {
  assertReportSourceStep(transform({ input }, ({ input }) => ({ segment_id: input.segment_id ?? null })))
  const report = updateReportStep(input)
  emitEventStep({ eventName: CrmEvents.REPORT_UPDATED, data: transform({ report }, ({ report }) => ({ id: report.id })) })
  return new WorkflowResponse(report)
})

/**
 * Deletes a report (its runs stay as history; a queued run of it fails as "deleted") and tells
 * `crm.report.deleted` `{ id }`. 404 `report_not_found`.
 *
 * @example
 * await deleteReportWorkflow(container).run({ input: { id: "crep_1" } })
 */
export const deleteReportWorkflow = createWorkflow("delete-report", (input: WorkflowData<{ id: string }>) => {
  const deleted = deleteReportStep(transform({ input }, ({ input }) => input.id))
  emitEventStep({ eventName: CrmEvents.REPORT_DELETED, data: transform({ deleted }, ({ deleted }) => ({ id: deleted.id })) })
  return new WorkflowResponse(deleted)
})

/**
 * Queues a run of a report by hand (due now) and asks the worker to carry it out
 * (`crm.report_run.requested` `{ id: run_id, report_id }`). 409 `report_run_in_progress` while one
 * is queued or running; 404 `report_not_found`.
 *
 * @example
 * const { result } = await queueReportRunWorkflow(container).run({ input: { report_id: "crep_1" } })
 */
export const queueReportRunWorkflow = createWorkflow("queue-report-run", (input: WorkflowData<{ report_id: string }>) => {
  const run = queueReportRunStep(input)
  emitEventStep({
    eventName: CrmEvents.REPORT_RUN_REQUESTED,
    data: transform({ run }, ({ run }) => ({ id: run.id, report_id: run.report_id })),
  })
  return new WorkflowResponse(run)
})
