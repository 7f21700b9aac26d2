import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renewMembershipWorkflow } from "../../../../../../../workflows/membership-actions"
import { adminActor, runMembershipAction } from "../../helpers"

/** Extends the membership by its plan's duration from the later of now and its expiry. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runMembershipAction(req, res, renewMembershipWorkflow, {
    membership_id: req.params.membership_id,
    customer_id: req.params.id,
    actor: adminActor(req),
  })
}
