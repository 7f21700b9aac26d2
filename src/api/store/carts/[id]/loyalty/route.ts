import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { crmError } from "../../../../../lib/errors"
import {
  LoyaltyErrorCodes,
  type StoreCartLoyaltyResponse,
  type StoreCartLoyaltyUpdateResponse,
} from "../../../../../types/http/loyalty"
import { redeemLoyaltyPointsWorkflow } from "../../../../../workflows/redeem-loyalty-points"
import {
  releaseLoyaltyRedemptionWorkflow,
  releaseRedemptionIfCodeRemoved,
} from "../../../../../workflows/release-loyalty-redemption"
import { readCartLoyalty } from "../../../../utils/loyalty"
import type {
  StoreGetCartLoyaltyParamsType,
  StoreRedeemLoyaltyPointsType,
  StoreUpdateCartLoyaltyParamsType,
} from "./validators"

/** The cart as Medusa's cart routes answer it. */
type StoreCartAnswer = StoreCartLoyaltyUpdateResponse<Awaited<ReturnType<typeof refetchCart>>>

/**
 * The cart, if it is the logged-in customer's (anyone else's cart is not found). Points whose code
 * was taken off the cart through Medusa's own routes are given back first, so what follows sees
 * the cart as it is.
 */
async function ownCart(req: AuthenticatedMedusaRequest<unknown, object>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id"],
    filters: { id: req.params.id },
  })
  const cart = data[0]
  if (!cart || cart.customer_id !== req.auth_context.actor_id) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      LoyaltyErrorCodes.CART_NOT_FOUND,
      `Cart with id: ${req.params.id} was not found`
    )
  }
  await releaseRedemptionIfCodeRemoved(req.scope, cart.id)
  return cart
}

/** What the customer can spend on this cart, and what is applied. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCartLoyaltyParamsType>,
  res: MedusaResponse<StoreCartLoyaltyResponse>
) => {
  const cart = await ownCart(req)
  res.json({ loyalty: await readCartLoyalty(req.scope, req.auth_context.actor_id, cart.id) })
}

/**
 * Spends points on the cart: it gets a discount worth them, and its payment collection follows
 * the new total. Answers with the cart as Medusa's cart routes do (`fields` accepted).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRedeemLoyaltyPointsType, StoreUpdateCartLoyaltyParamsType>,
  res: MedusaResponse<StoreCartAnswer>
) => {
  const customerId = req.auth_context.actor_id
  await ownCart(req)
  await redeemLoyaltyPointsWorkflow(req.scope).run({
    input: { customer_id: customerId, cart_id: req.params.id, points: req.validatedBody.points },
  })
  const cart = await refetchCart(req.params.id, req.scope, req.queryConfig.fields)
  res.json({ cart, loyalty: await readCartLoyalty(req.scope, customerId, req.params.id) })
}

/** Takes the points off the cart and gives them back; answers with the cart. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest<unknown, StoreUpdateCartLoyaltyParamsType>,
  res: MedusaResponse<StoreCartAnswer>
) => {
  const customerId = req.auth_context.actor_id
  await ownCart(req)
  await releaseLoyaltyRedemptionWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: customerId },
  })
  const cart = await refetchCart(req.params.id, req.scope, req.queryConfig.fields)
  res.json({ cart, loyalty: await readCartLoyalty(req.scope, customerId, req.params.id) })
}
