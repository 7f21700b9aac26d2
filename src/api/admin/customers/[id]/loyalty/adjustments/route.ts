import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAdjustLoyaltyPointsResponse } from "../../../../../../types/http/loyalty"
import { adjustLoyaltyPointsWorkflow } from "../../../../../../workflows/adjust-loyalty-points"
import { actorUserId } from "../../../../../utils/customers"
import { readCustomerLoyalty, readLoyaltyEntry } from "../../../../../utils/loyalty"
import type { AdminAdjustLoyaltyPointsType } from "../validators"

/** Adds or removes points by hand, with a reason. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAdjustLoyaltyPointsType>,
  res: MedusaResponse<AdminAdjustLoyaltyPointsResponse>
) => {
  const { result: entry } = await adjustLoyaltyPointsWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      points: req.validatedBody.points,
      reason: req.validatedBody.reason,
      actor_id: actorUserId(req.auth_context),
    },
  })
  const { loyalty } = await readCustomerLoyalty(req.scope, req.params.id, { limit: 1, offset: 0 })
  res.status(201).json({ entry: await readLoyaltyEntry(req.scope, entry.id), loyalty })
}
