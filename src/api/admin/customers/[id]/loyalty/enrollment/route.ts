import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminLoyaltyEnrollmentResponse } from "../../../../../../types/http/loyalty"
import { setLoyaltyEnrollmentWorkflow } from "../../../../../../workflows/set-loyalty-enrollment"
import { actorUserId } from "../../../../../utils/customers"
import { readCustomerLoyalty } from "../../../../../utils/loyalty"
import type { AdminLoyaltyEnrollmentType } from "../validators"

/** Enrolls the customer in the loyalty program, or takes them out. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminLoyaltyEnrollmentType>,
  res: MedusaResponse<AdminLoyaltyEnrollmentResponse>
) => {
  await setLoyaltyEnrollmentWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      enrolled: req.validatedBody.enrolled,
      actor_id: actorUserId(req.auth_context),
    },
  })
  const { loyalty } = await readCustomerLoyalty(req.scope, req.params.id, { limit: 1, offset: 0 })
  res.json({ loyalty })
}
