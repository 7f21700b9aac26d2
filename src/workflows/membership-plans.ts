import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { CreatePlanInput, UpdatePlanInput } from "../lib/membership"
import { deleteMembershipPlanStep, upsertMembershipPlanStep, validateMembershipPlanStep } from "./steps"

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
    emitEventStep({ eventName: "membership_plan.created", data: transform({ plan }, ({ plan }) => ({ id: plan.id })) })
    return new WorkflowResponse(plan)
  }
)

/**
 * Changes a plan. Existing memberships keep their dates; a changed benefit group applies to
 * memberships that start or renew from then on.
 *
 * @example
 * await updateMembershipPlanWorkflow(container).run({ input: { id: "mplan_123", data: { max_shares: 2 } } })
 */
export const updateMembershipPlanWorkflow = createWorkflow(
  "update-membership-plan",
  (input: WorkflowData<{ id: string; data: UpdatePlanInput }>) => {
    validateMembershipPlanStep(input)
    const plan = upsertMembershipPlanStep(input)
    emitEventStep({ eventName: "membership_plan.updated", data: { id: input.id } })
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
    emitEventStep({ eventName: "membership_plan.deleted", data: { id: input.id } })
    return new WorkflowResponse(input.id)
  }
)
