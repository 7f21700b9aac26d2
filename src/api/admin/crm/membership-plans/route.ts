import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MembershipPlanListResponse, MembershipPlanResponse } from "../../../../types/http/memberships"
import { createMembershipPlanWorkflow } from "../../../../workflows/membership-plans"
import { PLAN_READ_FIELDS, plansWithCounts, type PlanRow } from "../../../utils/memberships"
import { refetchMembershipPlan } from "./helpers"
import type { AdminCreateMembershipPlanType, AdminGetMembershipPlansParamsType } from "./validators"

/** Plans by level then name, with active and total member counts; `q` searches the name. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMembershipPlansParamsType>,
  res: MedusaResponse<MembershipPlanListResponse>
) => {
  const { q, limit, offset } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "membership_plan",
    fields: PLAN_READ_FIELDS,
    filters: q ? { name: { $ilike: `%${q}%` } } : {},
    pagination: { skip: offset, take: limit, order: { level: "ASC", name: "ASC" } },
  })
  const rows: PlanRow[] = data
  res.json({
    plans: await plansWithCounts(req.scope, rows),
    count: metadata?.count ?? rows.length,
    offset,
    limit,
  })
}

/** Creates a plan. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateMembershipPlanType>,
  res: MedusaResponse<MembershipPlanResponse>
) => {
  const { result } = await createMembershipPlanWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ plan: await refetchMembershipPlan(req.scope, result.id) })
}
