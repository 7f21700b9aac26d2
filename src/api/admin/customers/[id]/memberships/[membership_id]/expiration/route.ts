import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipResponse } from "../../../../../../../types/http/memberships"
import { editMembershipExpirationWorkflow } from "../../../../../../../workflows/membership-actions"
import { getCustomerMembership } from "../../../../../../utils/memberships"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminEditMembershipExpirationType } from "../../validators"

/** Sets the expiry: a past date expires it now, a future date on an expired one reactivates it. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminEditMembershipExpirationType>,
  res: MedusaResponse<CustomerMembershipResponse>
) => {
  const id = await runMembershipAction(req.scope, editMembershipExpirationWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    expires_at: req.validatedBody.expires_at,
    actor: adminActor(req),
  })
  res.json({ membership: await getCustomerMembership(req.scope, req.params.id, id) })
}
