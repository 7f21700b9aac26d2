import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { redeemLoyaltyPointsWorkflow } from "../../../../../workflows/redeem-loyalty-points"
import { releaseLoyaltyRedemptionWorkflow } from "../../../../../workflows/release-loyalty-redemption"
import { readCartLoyalty, refetchStoreCart, type RedeemPointsType } from "../../../../utils/loyalty"

/** The cart, if it is the logged-in customer's: anyone else's cart is not found. */
async function ownCart(req: AuthenticatedMedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "item_total"],
    filters: { id: req.params.id },
  })
  const cart = data[0]
  if (!cart || cart.customer_id !== req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`)
  }
  return cart as { id: string; currency_code: string; item_total: number }
}

/** What the customer can spend on this cart, and what is applied. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cart = await ownCart(req)
  res.json({ loyalty: await readCartLoyalty(req.scope, req.auth_context.actor_id, cart) })
}

/** Spends points on the cart: it gets a discount worth them. */
export const POST = async (
  req: AuthenticatedMedusaRequest<RedeemPointsType>,
  res: MedusaResponse
) => {
  const customerId = req.auth_context.actor_id
  await redeemLoyaltyPointsWorkflow(req.scope).run({
    input: { customer_id: customerId, cart_id: req.params.id, points: req.validatedBody.points },
  })
  const cart = await refetchStoreCart(req.scope, req.params.id)
  res.json({ cart, loyalty: await readCartLoyalty(req.scope, customerId, cart as any) })
}

/** Takes the points off the cart and gives them back. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  await ownCart(req)
  await releaseLoyaltyRedemptionWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: customerId },
  })
  const cart = await refetchStoreCart(req.scope, req.params.id)
  res.json({ cart, loyalty: await readCartLoyalty(req.scope, customerId, cart as any) })
}
