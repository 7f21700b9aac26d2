import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { unshareMembershipWorkflow } from "../../../../../../../../workflows/membership-actions"
import { adminActor, runMembershipAction } from "../../../helpers"

/** Removes a co-member. The answer is the membership itself (no longer the co-member's). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runMembershipAction(
    req,
    res,
    unshareMembershipWorkflow,
    {
      membership_id: req.params.membership_id,
      customer_id: req.params.id,
      share_customer_id: req.params.customer_id,
      actor: adminActor(req),
    },
    null
  )
}
