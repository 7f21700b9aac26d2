import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreatePlanInput } from "../../../../lib/membership"
import { createMembershipPlanWorkflow } from "../../../../workflows/membership-plans"
import { PLAN_READ_FIELDS, plansWithCounts } from "../../../utils/memberships"
import { refetchMembershipPlan } from "./helpers"
import type { AdminListMembershipPlansType } from "./middlewares"

/** Plans by level then name, with active and total member counts; `q` searches the name. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q, limit, offset } = req.validatedQuery as AdminListMembershipPlansType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "membership_plan",
    fields: PLAN_READ_FIELDS,
    filters: q ? { name: { $ilike: `%${q}%` } } : {},
    pagination: { skip: offset, take: limit, order: { level: "ASC", name: "ASC" } },
  })
  res.json({
    plans: await plansWithCounts(req.scope, data as { id: string }[]),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}

/** Creates a plan. */
export const POST = async (req: AuthenticatedMedusaRequest<CreatePlanInput>, res: MedusaResponse) => {
  const { result } = await createMembershipPlanWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ plan: await refetchMembershipPlan(req.scope, result.id) })
}
