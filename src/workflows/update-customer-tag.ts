import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { describeTag, tagNoteValues } from "../lib/tag-format"
import { recordSystemNotesStep, updateCustomerTagStep } from "./steps"
import { noteEvent } from "../lib/system-notes"

export type UpdateCustomerTagWorkflowInput = {
  id: string
  customer_id: string
  value?: string | null
  expires_at?: string | Date | null
  actor_id?: string | null
}

export const updateCustomerTagWorkflowId = "update-customer-tag"

/**
 * Changes the value or expiry of a customer's tag. A new value is checked against the tag (400)
 * and written to the timeline.
 *
 * @example
 * await updateCustomerTagWorkflow(container).run({
 *   input: { id: "ctag_123", customer_id: "cus_123", value: "INVESTOR" },
 * })
 */
export const updateCustomerTagWorkflow = createWorkflow(
  updateCustomerTagWorkflowId,
  (input: WorkflowData<UpdateCustomerTagWorkflowInput>) => {
    const updated = updateCustomerTagStep({
      id: input.id,
      customer_id: input.customer_id,
      value: input.value,
      expires_at: input.expires_at,
    })

    recordSystemNotesStep(
      transform({ updated, input }, ({ updated, input }) =>
        updated.value_changed
          ? [
              {
                customer_id: input.customer_id,
                body: `Tag ${describeTag(updated.key, updated.value)} changed`,
                event: noteEvent("tag_changed", tagNoteValues(updated)),
                author_id: input.actor_id ?? null,
              },
            ]
          : []
      )
    )

    emitEventStep({
      eventName: CrmEvents.CUSTOMER_TAG_UPDATED,
      data: transform({ updated, input }, ({ updated, input }) => ({
        id: updated.id,
        customer_id: input.customer_id,
        key: updated.key,
      })),
    })

    return new WorkflowResponse({ id: updated.id })
  }
)
