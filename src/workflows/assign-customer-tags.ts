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
  createCustomerTagsStep,
  joinBenefitGroupsStep,
  recordSystemNotesStep,
  type TagAssignmentInput,
  validateTagAssignmentsStep,
} from "./steps"
import { isoDay, noteEvent } from "../lib/system-notes"

export type AssignCustomerTagsWorkflowInput = {
  assignments: TagAssignmentInput[]
  /** Skip customers that already carry the tag (bulk) instead of failing with a 409. */
  skip_existing?: boolean
  /** Where the tags come from: `admin` (default), `bulk`, `api`, an integration's name. */
  source?: string
  /** The admin user who assigned them. */
  actor_id?: string | null
}

export const assignCustomerTagsWorkflowId = "assign-customer-tags"

/**
 * Puts tags on customers by key, each with its value and optional expiry, puts them into the tag's
 * benefit group, and writes a system note per tag. 400 for an unknown key, a value the tag does
 * not take or an unknown customer; 409 when a customer already has the tag (unless `skip_existing`).
 *
 * @example
 * await assignCustomerTagsWorkflow(container).run({
 *   input: { assignments: [{ customer_id: "cus_123", key: "USER_AFFILIATION", value: "CUSTOMER" }] },
 * })
 */
export const assignCustomerTagsWorkflow = createWorkflow(
  assignCustomerTagsWorkflowId,
  (input: WorkflowData<AssignCustomerTagsWorkflowInput>) => {
    const validated = validateTagAssignmentsStep({
      assignments: input.assignments,
      skip_existing: input.skip_existing,
    })

    const joined = joinBenefitGroupsStep(
      transform({ validated }, ({ validated }) =>
        validated.assignments
          .filter((a) => !!a.customer_group_id)
          .map((a) => ({ customer_id: a.customer_id, customer_group_id: a.customer_group_id! }))
      )
    )

    const tags = createCustomerTagsStep(
      transform({ validated, joined, input }, ({ validated, joined, input }) => ({
        assignments: validated.assignments,
        joined,
        source: input.source ?? "admin",
        assigned_by: input.actor_id ?? null,
      }))
    )

    recordSystemNotesStep(
      transform({ validated, input }, ({ validated, input }) =>
        validated.assignments.map((a) => ({
          customer_id: a.customer_id,
          body: `Tag ${describeTag(a.key, a.value)} added${a.expires_at ? ` (expires ${isoDay(a.expires_at)})` : ""}`,
          event: a.expires_at
            ? noteEvent("tag_added_expiring", { ...tagNoteValues(a), expires_at: isoDay(a.expires_at) })
            : noteEvent("tag_added", tagNoteValues(a)),
          author_id: input.actor_id ?? null,
        }))
      )
    )

    emitEventStep({
      eventName: CrmEvents.CUSTOMER_TAG_ADDED,
      data: transform({ tags }, ({ tags }) =>
        tags.map((t) => ({ id: t.id, customer_id: t.customer_id, key: t.key }))
      ),
    })

    return new WorkflowResponse({
      tags,
      skipped: validated.skipped,
    })
  }
)
