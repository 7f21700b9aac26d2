import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipActor } from "../../../../../workflows/steps/membership-change"
import { getCustomerMembership } from "../../../../utils/memberships"
import { actorUserId } from "../../../../utils/customers"

/** The admin who acts. */
export const adminActor = (req: AuthenticatedMedusaRequest): MembershipActor => ({
  type: "admin",
  id: actorUserId(req.auth_context),
})

type ActionWorkflow<I> = (scope: AuthenticatedMedusaRequest["scope"]) => {
  run: (args: { input: I }) => Promise<{ result: { membership_ids: string[] } }>
}

/**
 * Runs a membership action for the customer in the URL and answers with the membership as that
 * customer now sees it (after a gift it is the receiver's, so it is read as theirs).
 */
export async function runMembershipAction<I>(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  workflow: ActionWorkflow<I>,
  input: I,
  /** Whose membership it is afterwards (null: read it without a customer). */
  readAs: string | null = req.params.id,
  status = 200
) {
  const { result } = await workflow(req.scope).run({ input })
  const membership = await getCustomerMembership(req.scope, readAs, result.membership_ids[0])
  res.status(status).json({ membership })
}
