import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipResponse } from "../../../../../../../types/http/memberships"
import { cancelMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { getCustomerMembership } from "../../../../../../utils/memberships"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminCancelMembershipType } from "../../validators"

/** Cancels now, or at the end of the current period. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCancelMembershipType>,
  res: MedusaResponse<CustomerMembershipResponse>
) => {
  const id = await runMembershipAction(req.scope, cancelMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    at: req.validatedBody.at,
    actor: adminActor(req),
  })
  res.json({ membership: await getCustomerMembership(req.scope, req.params.id, id) })
}
