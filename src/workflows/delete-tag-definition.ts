import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { removeCustomerTagsWorkflow } from "./remove-customer-tags"
import { deleteTagDefinitionStep } from "./steps"

export type DeleteTagDefinitionWorkflowInput = {
  id: string
  actor_id?: string | null
}

export const deleteTagDefinitionWorkflowId = "delete-tag-definition"

/**
 * Deletes a tag definition: first the tag is removed from every customer (out of the benefit group,
 * a system note each), then the definition goes.
 *
 * @example
 * await deleteTagDefinitionWorkflow(container).run({ input: { id: "ctagdef_123" } })
 */
export const deleteTagDefinitionWorkflow = createWorkflow(
  deleteTagDefinitionWorkflowId,
  (input: WorkflowData<DeleteTagDefinitionWorkflowInput>) => {
    removeCustomerTagsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        definition_ids: [input.id],
        actor_id: input.actor_id,
      })),
    })
    deleteTagDefinitionStep(input.id)
    emitEventStep({
      eventName: CrmEvents.TAG_DEFINITION_DELETED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    }).config({ name: "emit-tag-definition-deleted" })
    return new WorkflowResponse({ id: input.id })
  }
)
