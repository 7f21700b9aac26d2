import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { startInsightRebuildStep, updateInsightRebuildStep, type InsightRebuildUpdate } from "./steps"

/**
 * Opens a rebuild record (409 while another rebuild is running). The caller runs it (the nightly
 * job and `npm run insights:rebuild` do, on the instance they run on).
 *
 * @example
 * const { result: rebuild } = await startInsightRebuildWorkflow(container).run()
 */
export const startInsightRebuildWorkflow = createWorkflow("start-insight-rebuild", () => {
  return new WorkflowResponse(startInsightRebuildStep())
})

/**
 * Opens a rebuild record (409 while another rebuild is running) and hands it to a worker:
 * `crm.insights_rebuild.requested` `{ id }`, whose subscriber runs it. The admin's
 * `POST /admin/crm/insights/rebuild` starts rebuilds this way, so the HTTP process never does the work.
 *
 * @example
 * const { result: rebuild } = await requestInsightRebuildWorkflow(container).run()
 */
export const requestInsightRebuildWorkflow = createWorkflow("request-insight-rebuild", () => {
  const rebuild = startInsightRebuildStep()
  emitEventStep({
    eventName: CrmEvents.INSIGHTS_REBUILD_REQUESTED,
    data: transform({ rebuild }, ({ rebuild }) => ({ id: rebuild.id })),
  })
  return new WorkflowResponse(rebuild)
})

/**
 * Records a rebuild's progress, or that it is done or failed.
 *
 * @example
 * await updateInsightRebuildWorkflow(container).run({ input: { id: "irb_123", processed: 500 } })
 */
export const updateInsightRebuildWorkflow = createWorkflow(
  "update-insight-rebuild",
  (input: WorkflowData<InsightRebuildUpdate>) => {
    return new WorkflowResponse(updateInsightRebuildStep(input))
  }
)
