import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shareMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminMembershipCustomerType } from "../../validators"

/** Adds a co-member, up to the plan's limit. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminMembershipCustomerType>,
  res: MedusaResponse
) => {
  await runMembershipAction(req, res, shareMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    share_customer_id: req.validatedBody.customer_id,
    actor: adminActor(req),
  })
}
