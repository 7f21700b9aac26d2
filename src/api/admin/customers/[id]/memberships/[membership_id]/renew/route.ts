import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipResponse } from "../../../../../../../types/http/memberships"
import { renewMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { getCustomerMembership } from "../../../../../../utils/memberships"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminRenewMembershipType } from "../../validators"

/** Extends the membership by its plan's duration from the later of now and its expiry. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRenewMembershipType>,
  res: MedusaResponse<CustomerMembershipResponse>
) => {
  const id = await runMembershipAction(req.scope, renewMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    actor: adminActor(req),
  })
  res.json({ membership: await getCustomerMembership(req.scope, req.params.id, id) })
}
