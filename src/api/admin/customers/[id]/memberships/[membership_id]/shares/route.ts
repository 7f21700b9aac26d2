import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipResponse } from "../../../../../../../types/http/memberships"
import { shareMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { getCustomerMembership } from "../../../../../../utils/memberships"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminMembershipCustomerType } from "../../validators"

/** Adds a co-member, up to the plan's limit. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminMembershipCustomerType>,
  res: MedusaResponse<CustomerMembershipResponse>
) => {
  const id = await runMembershipAction(req.scope, shareMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    share_customer_id: req.validatedBody.customer_id,
    actor: adminActor(req),
  })
  res.json({ membership: await getCustomerMembership(req.scope, req.params.id, id) })
}
