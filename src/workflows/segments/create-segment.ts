import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerGroupsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { CustomerListFilter, SegmentManualMembers } from "../../types/http/customer-list"
import { createSegmentStep, validateSegmentStep } from "./steps"

export type CreateSegmentWorkflowInput = {
  name: string
  description?: string | null
  /** The list's filter (validated with `CustomerListFilterSchema`, compacted). */
  filter: CustomerListFilter
  /** Sync into this existing customer group. */
  group_id?: string | null
  /** Make a customer group named after the segment and sync into it. */
  create_group?: boolean
  manual_members?: SegmentManualMembers
  /** The admin user who saved it. */
  created_by?: string | null
}

export const createSegmentWorkflowId = "create-customer-segment"

/**
 * Saves a filter as a segment, optionally synced into a customer group: an existing one
 * (`group_id`) or a new one named after the segment (`create_group`, through Medusa's
 * `createCustomerGroupsWorkflow`, whose compensation deletes it again). A synced segment's first
 * sync is asked for (`crm.customer_segment.sync_requested`); the worker runs it.
 * 409 `segment_name_taken` / `group_already_synced`, 400 `group_not_found`.
 *
 * @example
 * await createSegmentWorkflow(container).run({
 *   input: { name: "VIP big spenders", filter: { tags: ["vip"], lifetime_value: { gte: 500 } }, create_group: true },
 * })
 */
export const createSegmentWorkflow = createWorkflow(
  createSegmentWorkflowId,
  (input: WorkflowData<CreateSegmentWorkflowInput>) => {
    const validated = validateSegmentStep(
      transform({ input }, ({ input }) => ({
        name: input.name,
        group_id: input.group_id ?? null,
        create_group: !!input.create_group,
      }))
    )
    const groups = when("create-segment-group-if-asked", { input }, ({ input }) => !!input.create_group).then(() =>
      createCustomerGroupsWorkflow.runAsStep({
        input: transform({ validated, input }, ({ validated, input }) => ({
          customersData: [{ name: validated.group_name as string, created_by: input.created_by ?? undefined }],
        })),
      })
    )
    const segment = createSegmentStep(
      transform({ input, groups }, ({ input, groups }) => ({
        name: input.name,
        description: input.description ?? null,
        filter: input.filter,
        group_id: input.create_group ? (groups?.[0]?.id ?? null) : (input.group_id ?? null),
        manual_members: input.manual_members ?? "keep",
        created_by: input.created_by ?? null,
      }))
    )
    emitEventStep({
      eventName: CrmEvents.SEGMENT_CREATED,
      data: transform({ segment }, ({ segment }) => ({ id: segment.id })),
    }).config({ name: "emit-segment-created" })
    when("request-first-segment-sync", { segment }, ({ segment }) => !!segment.group_id).then(() => {
      emitEventStep({
        eventName: CrmEvents.SEGMENT_SYNC_REQUESTED,
        data: transform({ segment }, ({ segment }) => ({ id: segment.id, trigger: "created" })),
      }).config({ name: "emit-segment-sync-requested" })
    })
    return new WorkflowResponse(segment)
  }
)
