import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MembershipActor } from "../../../../../workflows/steps/membership-change"
import { actorUserId } from "../../../../utils/customers"

/** The admin who acts. */
export const adminActor = (req: AuthenticatedMedusaRequest<unknown, object>): MembershipActor => ({
  type: "admin",
  id: actorUserId(req.auth_context),
})

type ActionWorkflow<I> = (scope: MedusaContainer) => {
  run: (args: { input: I }) => Promise<{ result: { membership_ids: string[] } }>
}

/** Runs a membership action and answers the id of the membership it changed. */
export async function runMembershipAction<I>(scope: MedusaContainer, workflow: ActionWorkflow<I>, input: I) {
  const { result } = await workflow(scope).run({ input })
  return result.membership_ids[0]
}
