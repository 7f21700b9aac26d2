import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../../lib/errors"
import { MembershipErrorCodes, type MembershipPlanWithCounts } from "../../../../types/http/memberships"
import { PLAN_READ_FIELDS, plansWithCounts, type PlanRow } from "../../../utils/memberships"

/** One plan with its benefit group and member counts, or a 404. */
export async function refetchMembershipPlan(scope: MedusaContainer, id: string): Promise<MembershipPlanWithCounts> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "membership_plan", fields: PLAN_READ_FIELDS, filters: { id } })
  const rows: PlanRow[] = data
  if (!rows[0]) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      MembershipErrorCodes.PLAN_NOT_FOUND,
      `Membership plan with id: ${id} was not found`
    )
  }
  const [plan] = await plansWithCounts(scope, rows)
  return plan
}
