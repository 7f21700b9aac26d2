import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import type { TagColor } from "../modules/customer-tag"
import {
  joinBenefitGroupsStep,
  releaseBenefitGroupsStep,
  setTagJoinedFlagsStep,
  updateTagDefinitionStep,
  validateTagDefinitionStep,
} from "./steps"

/** The key and the value mode of a tag cannot change: customers' values depend on them. */
export type UpdateTagDefinitionWorkflowInput = {
  id: string
  label?: string
  description?: string | null
  color?: TagColor
  allowed_values?: string[]
  /** A new benefit group moves every tagged customer from the old group to the new one. */
  customer_group_id?: string | null
}

export const updateTagDefinitionWorkflowId = "update-tag-definition"

/**
 * Changes a tag definition. When its benefit group changes, the tagged customers leave the old
 * group (unless another tag or an admin put them there) and join the new one.
 *
 * @example
 * await updateTagDefinitionWorkflow(container).run({ input: { id: "ctagdef_123", label: "Employees" } })
 */
export const updateTagDefinitionWorkflow = createWorkflow(
  updateTagDefinitionWorkflowId,
  (input: WorkflowData<UpdateTagDefinitionWorkflowInput>) => {
    const validated = validateTagDefinitionStep(
      transform({ input }, ({ input }) => {
        const { id, ...data } = input
        return { id, data }
      })
    )

    when({ validated }, ({ validated }) => validated.group_changed).then(() => {
      releaseBenefitGroupsStep(
        transform({ validated, input }, ({ validated, input }) => ({
          tags: validated.tags.map((t) => ({ ...t, customer_group_id: validated.previous_group_id })),
          exclude_definition_id: input.id,
        }))
      )
      const joined = joinBenefitGroupsStep(
        transform({ validated }, ({ validated }) =>
          validated.data.customer_group_id
            ? validated.tags.map((t) => ({
                customer_id: t.customer_id,
                customer_group_id: validated.data.customer_group_id as string,
              }))
            : []
        )
      )
      setTagJoinedFlagsStep(
        transform({ validated, joined }, ({ validated, joined }) => ({
          tags: validated.tags,
          joined_customer_ids: joined.map((j) => j.customer_id),
        }))
      )
    })

    const definition = updateTagDefinitionStep(
      transform({ validated, input }, ({ validated, input }) => ({
        id: input.id,
        data: validated.data,
      }))
    )
    emitEventStep({
      eventName: CrmEvents.TAG_DEFINITION_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    })
    return new WorkflowResponse(definition)
  }
)
