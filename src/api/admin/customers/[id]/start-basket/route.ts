import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startCustomerBasketWorkflow } from "../../../../../workflows/start-customer-basket"
import { actorUserId } from "../../../../utils/customers"
import type { StartBasketPayload, StartBasketResponse } from "../../../../../types/http/insights"

/** Creates a draft order for the customer; the admin opens it in Medusa's draft order page. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StartBasketPayload>,
  res: MedusaResponse<StartBasketResponse>
) => {
  const { result } = await startCustomerBasketWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.params.id, actor_id: actorUserId(req.auth_context) },
  })
  res.status(201).json({
    draft_order: {
      id: result.id,
      display_id: result.display_id,
      region_id: result.region_id ?? null,
      sales_channel_id: result.sales_channel_id ?? null,
      email: result.email ?? null,
      customer_id: result.customer_id ?? null,
    },
  })
}
