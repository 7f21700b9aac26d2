import { createWorkflow, transform, type WorkflowData, WorkflowResponse, when } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { recordReportRunResultStep, type ReportRunResult } from "./steps"

/**
 * Records how an attempt of a report run went: `succeeded` (rows, size, duration, file or remote
 * path), `retrying` (the error and when the next attempt is due) or `failed`. A final status tells
 * `crm.report_run.completed` `{ id: run_id, report_id, status, rows }`.
 *
 * @example
 * await finishReportRunWorkflow(container).run({ input: { run_id, report_id, status: "succeeded", rows: 12, … } })
 */
export const finishReportRunWorkflow = createWorkflow("finish-report-run", (input: WorkflowData<ReportRunResult>) => {
  const recorded = recordReportRunResultStep(input)
  when({ input, recorded }, ({ input, recorded }) => recorded.recorded && input.status !== "retrying").then(() => {
    emitEventStep({
      eventName: CrmEvents.REPORT_RUN_COMPLETED,
      data: transform({ input }, ({ input }) => ({ id: input.run_id, report_id: input.report_id, status: input.status, rows: input.rows })),
    })
  })
  return new WorkflowResponse(recorded)
})
