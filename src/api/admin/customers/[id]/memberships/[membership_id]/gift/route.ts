import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CustomerMembershipResponse } from "../../../../../../../types/http/memberships"
import { giftMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { getCustomerMembership } from "../../../../../../utils/memberships"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminMembershipCustomerType } from "../../validators"

/** Gives the membership to another customer; the answer is the membership as the receiver's. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminMembershipCustomerType>,
  res: MedusaResponse<CustomerMembershipResponse>
) => {
  const id = await runMembershipAction(req.scope, giftMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    to_customer_id: req.validatedBody.customer_id,
    actor: adminActor(req),
  })
  res.json({ membership: await getCustomerMembership(req.scope, req.validatedBody.customer_id, id) })
}
