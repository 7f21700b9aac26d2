import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { describeTag, tagNoteValues } from "../lib/tag-format"
import {
  deleteCustomerTagsStep,
  recordSystemNotesStep,
  releaseBenefitGroupsStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

export type RemoveCustomerTagsWorkflowInput = {
  /** Tag (assignment) ids. */
  ids?: string[]
  /** Every tag of these customers (e.g. when they are deleted). */
  customer_ids?: string[]
  /** Every customer's tag of these definitions. */
  definition_ids?: string[]
  /** Only tags that expired by then (the expiry job). */
  expired_before?: Date
  /** At most this many tags in one run (a page). */
  limit?: number
  /** Why they go, for the system note: `removed` (default) or `expired`. */
  reason?: "removed" | "expired"
  /** Write no system notes (the customer is being deleted). */
  silent?: boolean
  actor_id?: string | null
}

export const removeCustomerTagsWorkflowId = "remove-customer-tags"

/**
 * Removes tags from customers, takes them out of the benefit groups the tags put them into, and
 * writes a system note per tag. Removing tags that are already gone changes nothing.
 *
 * @example
 * await removeCustomerTagsWorkflow(container).run({ input: { ids: ["ctag_123"], actor_id: "user_1" } })
 */
export const removeCustomerTagsWorkflow = createWorkflow(
  removeCustomerTagsWorkflowId,
  (input: WorkflowData<RemoveCustomerTagsWorkflowInput>) => {
    const removed = deleteCustomerTagsStep({
      ids: input.ids,
      customer_ids: input.customer_ids,
      definition_ids: input.definition_ids,
      expired_before: input.expired_before,
      limit: input.limit,
    })

    releaseBenefitGroupsStep(
      transform({ removed }, ({ removed }) => ({
        tags: removed.map((t) => ({
          id: t.id,
          customer_id: t.customer_id,
          customer_group_id: t.customer_group_id,
          joined_group: t.joined_group,
        })),
      }))
    )

    recordSystemNotesStep(
      transform({ removed, input }, ({ removed, input }) =>
        input.silent
          ? []
          : removed.map((t) => ({
              customer_id: t.customer_id,
              body: `Tag ${describeTag(t.key, t.value)} ${input.reason === "expired" ? "expired" : "removed"}`,
              event: noteEvent(input.reason === "expired" ? "tag_expired" : "tag_removed", tagNoteValues(t)),
              author_id: input.reason === "expired" ? null : input.actor_id ?? null,
            }))
      )
    )

    emitEventStep({
      eventName: CrmEvents.CUSTOMER_TAG_REMOVED,
      data: transform({ removed }, ({ removed }) =>
        removed.map((t) => ({ id: t.id, customer_id: t.customer_id, key: t.key }))
      ),
    })

    return new WorkflowResponse(
      transform({ removed }, ({ removed }) => removed.map((t) => t.id))
    )
  }
)
