import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import type { CreatePlanInput, UpdatePlanInput } from "../modules/membership/utils"
import {
  collectPlanMembersStep,
  deleteMembershipPlanStep,
  joinBenefitGroupsStep,
  releaseBenefitGroupsStep,
  setMembershipJoinedFlagsStep,
  upsertMembershipPlanStep,
  validateMembershipPlanStep,
} from "./steps"

/**
 * Creates a membership plan (validated by `createPlanSchema`): 400 for an unknown benefit group or
 * variant, or a variant that already sells another plan.
 *
 * @example
 * await createMembershipPlanWorkflow(container).run({
 *   input: { name: "Friends", level: 1, duration_unit: "year", duration_value: 1, max_shares: 1, reminder_days: 14 },
 * })
 */
export const createMembershipPlanWorkflow = createWorkflow(
  "create-membership-plan",
  (input: WorkflowData<CreatePlanInput>) => {
    validateMembershipPlanStep(transform({ input }, ({ input }) => ({ data: input })))
    const plan = upsertMembershipPlanStep(transform({ input }, ({ input }) => ({ data: input })))
    emitEventStep({ eventName: CrmEvents.MEMBERSHIP_PLAN_CREATED, data: transform({ plan }, ({ plan }) => ({ id: plan.id })) })
    return new WorkflowResponse(plan)
  }
)

/**
 * Changes a plan. Existing memberships keep their dates. A changed benefit group moves the active
 * members (holders and co-members) from the old group to the new one, with the same rules as
 * everywhere: nobody leaves a group something else of theirs still gives, nobody joins twice.
 *
 * @example
 * await updateMembershipPlanWorkflow(container).run({ input: { id: "mplan_123", data: { max_shares: 2 } } })
 */
export const updateMembershipPlanWorkflow = createWorkflow(
  "update-membership-plan",
  (input: WorkflowData<{ id: string; data: UpdatePlanInput }>) => {
    const before = validateMembershipPlanStep(input)
    const groupChange = transform({ before, input }, ({ before, input }) => ({
      changed:
        input.data.customer_group_id !== undefined &&
        (input.data.customer_group_id ?? null) !== ((before as any)?.customer_group_id ?? null),
      from: ((before as any)?.customer_group_id ?? null) as string | null,
      to: (input.data.customer_group_id ?? null) as string | null,
    }))
    when("move-plan-members-to-new-group", { groupChange }, ({ groupChange }) => groupChange.changed).then(() => {
      const members = collectPlanMembersStep(
        transform({ input, groupChange }, ({ input, groupChange }) => ({ plan_id: input.id, group_id: groupChange.from }))
      )
      releaseBenefitGroupsStep(transform({ members, input }, ({ members, input }) => ({ sources: members, exclude_plan_id: input.id })))
      const joins = transform({ members, groupChange }, ({ members, groupChange }) =>
        groupChange.to
          ? members.map((m) => ({ kind: m.kind as "membership" | "share", id: m.id, customer_id: m.customer_id, customer_group_id: groupChange.to! }))
          : []
      )
      const added = joinBenefitGroupsStep(
        transform({ joins }, ({ joins }) => joins.map((j) => ({ customer_id: j.customer_id, customer_group_id: j.customer_group_id })))
      )
      setMembershipJoinedFlagsStep(transform({ joins, added }, ({ joins, added }) => ({ joins, added })))
    })
    const plan = upsertMembershipPlanStep(input)
    emitEventStep({ eventName: CrmEvents.MEMBERSHIP_PLAN_UPDATED, data: { id: input.id } })
    return new WorkflowResponse(plan)
  }
)

/**
 * Deletes a plan without active memberships (400 otherwise).
 *
 * @example
 * await deleteMembershipPlanWorkflow(container).run({ input: { id: "mplan_123" } })
 */
export const deleteMembershipPlanWorkflow = createWorkflow(
  "delete-membership-plan",
  (input: WorkflowData<{ id: string }>) => {
    validateMembershipPlanStep(transform({ input }, ({ input }) => ({ id: input.id, deleting: true })))
    deleteMembershipPlanStep(input.id)
    emitEventStep({ eventName: CrmEvents.MEMBERSHIP_PLAN_DELETED, data: { id: input.id } })
    return new WorkflowResponse(input.id)
  }
)
