import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type {
  MembershipPlanDeleteResponse,
  MembershipPlanResponse,
} from "../../../../../types/http/memberships"
import {
  deleteMembershipPlanWorkflow,
  updateMembershipPlanWorkflow,
} from "../../../../../workflows/membership-plans"
import { refetchMembershipPlan } from "../helpers"
import type { AdminGetMembershipPlanParamsType, AdminUpdateMembershipPlanType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMembershipPlanParamsType>,
  res: MedusaResponse<MembershipPlanResponse>
) => {
  res.json({ plan: await refetchMembershipPlan(req.scope, req.params.plan_id) })
}

/** Changes a plan; existing memberships keep their dates. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateMembershipPlanType>,
  res: MedusaResponse<MembershipPlanResponse>
) => {
  await updateMembershipPlanWorkflow(req.scope).run({
    input: { id: req.params.plan_id, data: req.validatedBody },
  })
  res.json({ plan: await refetchMembershipPlan(req.scope, req.params.plan_id) })
}

/** Deletes a plan without active memberships. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<MembershipPlanDeleteResponse>
) => {
  await deleteMembershipPlanWorkflow(req.scope).run({ input: { id: req.params.plan_id } })
  res.json({ id: req.params.plan_id, object: "membership_plan", deleted: true })
}
