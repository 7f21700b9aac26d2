import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { adminActor, runMembershipAction } from "../../helpers"
import type { AdminCancelMembershipType } from "../../validators"

/** Cancels now, or at the end of the current period. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCancelMembershipType>,
  res: MedusaResponse
) => {
  await runMembershipAction(req, res, cancelMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    at: req.validatedBody.at,
    actor: adminActor(req),
  })
}
