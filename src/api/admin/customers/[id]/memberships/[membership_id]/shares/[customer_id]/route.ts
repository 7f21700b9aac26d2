import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipUnshareResponse } from "../../../../../../../../types/http/memberships"
import { unshareMembershipWorkflow } from "../../../../../../../../workflows/membership-actions"
import { getMembership } from "../../../../../../../utils/memberships"
import { adminActor, runMembershipAction } from "../../../helpers"

/** Removes a co-member. The answer is the membership itself (no longer the co-member's). */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<CustomerMembershipUnshareResponse>
) => {
  const id = await runMembershipAction(req.scope, unshareMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    share_customer_id: req.params.customer_id,
    actor: adminActor(req),
  })
  res.json({ membership: await getMembership(req.scope, id) })
}
