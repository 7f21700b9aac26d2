import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { UpdatePlanInput } from "../../../../../lib/membership"
import {
  deleteMembershipPlanWorkflow,
  updateMembershipPlanWorkflow,
} from "../../../../../workflows/membership-plans"
import { refetchMembershipPlan } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ plan: await refetchMembershipPlan(req.scope, req.params.plan_id) })
}

/** Changes a plan; existing memberships keep their dates. */
export const POST = async (req: AuthenticatedMedusaRequest<UpdatePlanInput>, res: MedusaResponse) => {
  await updateMembershipPlanWorkflow(req.scope).run({
    input: { id: req.params.plan_id, data: req.validatedBody },
  })
  res.json({ plan: await refetchMembershipPlan(req.scope, req.params.plan_id) })
}

/** Deletes a plan without active memberships. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteMembershipPlanWorkflow(req.scope).run({ input: { id: req.params.plan_id } })
  res.json({ id: req.params.plan_id, object: "membership_plan", deleted: true })
}
