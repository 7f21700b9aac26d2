import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerGroupsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { CustomerListFilter, SegmentManualMembers } from "../../types/http/customer-list"
import { clearSegmentMembersStep, updateSegmentStep, validateSegmentStep } from "./steps"

export type UpdateSegmentWorkflowInput = {
  id: string
  name?: string
  description?: string | null
  filter?: CustomerListFilter
  /** Another group to sync into, or null to stop syncing. */
  group_id?: string | null
  /** Make a customer group named after the segment and sync into it instead. */
  create_group?: boolean
  manual_members?: SegmentManualMembers
  created_by?: string | null
}

export const updateSegmentWorkflowId = "update-customer-segment"

/**
 * Changes a segment. When it moves to another group (or stops syncing), the customers its sync put
 * into the old group stay there as ordinary members and the segment forgets them. A change of the
 * filter, the group or `manual_members` asks for a sync (the worker runs it).
 * 404 `segment_not_found`, 409 `segment_name_taken` / `group_already_synced`, 400 `group_not_found`.
 *
 * @example
 * await updateSegmentWorkflow(container).run({ input: { id: "cseg_123", filter: { tags: ["vip"] }, manual_members: "remove" } })
 */
export const updateSegmentWorkflow = createWorkflow(
  updateSegmentWorkflowId,
  (input: WorkflowData<UpdateSegmentWorkflowInput>) => {
    const validated = validateSegmentStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        name: input.name,
        group_id: input.group_id ?? null,
        create_group: !!input.create_group,
      }))
    )
    const groups = when("create-updated-segment-group-if-asked", { input }, ({ input }) => !!input.create_group).then(() =>
      createCustomerGroupsWorkflow.runAsStep({
        input: transform({ validated, input }, ({ validated, input }) => ({
          customersData: [{ name: validated.group_name as string, created_by: input.created_by ?? undefined }],
        })),
      })
    )
    const change = transform({ input, groups, validated }, ({ input, groups, validated }) => {
      const previous = validated.previous!
      const groupId = input.create_group ? (groups?.[0]?.id ?? null) : input.group_id
      const groupChanged = groupId !== undefined && (groupId ?? null) !== (previous.group_id ?? null)
      const filterChanged =
        input.filter !== undefined && JSON.stringify(input.filter) !== JSON.stringify(previous.filter)
      const modeChanged = input.manual_members !== undefined && input.manual_members !== previous.manual_members
      return {
        data: {
          name: input.name,
          description: input.description,
          filter: input.filter,
          group_id: groupId,
          manual_members: input.manual_members,
        },
        previous,
        group_changed: groupChanged,
        had_group: !!previous.group_id,
        sync: (groupId === undefined ? !!previous.group_id : !!groupId) && (groupChanged || filterChanged || modeChanged),
      }
    })
    when("forget-old-group-members", { change }, ({ change }) => change.group_changed && change.had_group).then(() => {
      clearSegmentMembersStep(transform({ input }, ({ input }) => ({ segment_id: input.id })))
    })
    const segment = updateSegmentStep(
      transform({ input, change }, ({ input, change }) => ({ id: input.id, data: change.data, previous: change.previous }))
    )
    emitEventStep({
      eventName: CrmEvents.SEGMENT_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.id })),
    }).config({ name: "emit-segment-updated" })
    when("request-segment-sync-after-update", { change }, ({ change }) => change.sync).then(() => {
      emitEventStep({
        eventName: CrmEvents.SEGMENT_SYNC_REQUESTED,
        data: transform({ input }, ({ input }) => ({ id: input.id, trigger: "manual" })),
      }).config({ name: "emit-updated-segment-sync-requested" })
    })
    return new WorkflowResponse(segment)
  }
)
