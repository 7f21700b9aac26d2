import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { membershipActions, MembershipPlanner, type MembershipAction, type MembershipActionHandler } from "./membership-actions"

export type {
  BenefitJoin,
  MembershipAction,
  MembershipActor,
  MembershipChange,
  NewMembershipEvent,
} from "./membership-actions"

export const prepareMembershipChangeStepId = "prepare-membership-change"

/**
 * Checks a membership action and works out everything it changes (records, benefit groups,
 * history, timeline notes) without writing anything: 404 for an unknown membership, plan or
 * customer (or a membership that is not the customer's), 400 for what the action does not allow.
 * Each action is its own file in `membership-actions/`, looked up by name.
 */
export const prepareMembershipChangeStep = createStep(
  prepareMembershipChangeStepId,
  async (input: MembershipAction, { container }) => {
    const planner = new MembershipPlanner(container)
    const run = membershipActions[input.action] as MembershipActionHandler<MembershipAction["action"]>
    await run(planner, input)
    return new StepResponse(planner.change)
  }
)
