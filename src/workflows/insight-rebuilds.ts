import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { startInsightRebuildStep, updateInsightRebuildStep, type InsightRebuildUpdate } from "./steps"

/**
 * Opens a rebuild record (409 while another rebuild is running).
 *
 * @example
 * const { result: rebuild } = await startInsightRebuildWorkflow(container).run()
 */
export const startInsightRebuildWorkflow = createWorkflow("start-insight-rebuild", () => {
  return new WorkflowResponse(startInsightRebuildStep())
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
