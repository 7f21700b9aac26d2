import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import type { TagColor, TagValueMode } from "../modules/customer-tag"
import { createTagDefinitionStep, validateTagDefinitionStep } from "./steps"

export type CreateTagDefinitionWorkflowInput = {
  key: string
  label: string
  description?: string | null
  color?: TagColor
  value_mode: TagValueMode
  /** Required when value_mode is `list`. */
  allowed_values?: string[] | null
  /** The benefit: a native customer group tagged customers are put into. */
  customer_group_id?: string | null
}

export const createTagDefinitionWorkflowId = "create-tag-definition"

/**
 * Defines a customer tag. 409 when the key exists; 400 for a list without values or an unknown
 * benefit group.
 *
 * @example
 * await createTagDefinitionWorkflow(container).run({
 *   input: { key: "staff", label: "Staff", value_mode: "flag", customer_group_id: "cusgroup_123" },
 * })
 */
export const createTagDefinitionWorkflow = createWorkflow(
  createTagDefinitionWorkflowId,
  (input: WorkflowData<CreateTagDefinitionWorkflowInput>) => {
    const validated = validateTagDefinitionStep({ data: input })
    const definition = createTagDefinitionStep(
      transform({ validated }, ({ validated }) => validated.data)
    )
    emitEventStep({
      eventName: CrmEvents.TAG_DEFINITION_CREATED,
      data: transform({ definition }, ({ definition }) => ({ id: definition.id })),
    })
    return new WorkflowResponse(definition)
  }
)
