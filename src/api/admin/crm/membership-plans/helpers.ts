import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PLAN_READ_FIELDS, plansWithCounts } from "../../../utils/memberships"

/** One plan with its benefit group and member counts, or a 404. */
export async function refetchMembershipPlan(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "membership_plan", fields: PLAN_READ_FIELDS, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Membership plan with id: ${id} was not found`)
  }
  const [plan] = await plansWithCounts(scope, data as { id: string }[])
  return plan
}
