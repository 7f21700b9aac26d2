import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retrieveTransformQueryConfig } from "@medusajs/medusa/api/store/carts/query-config"
import { LoyaltyErrorCodes } from "../../../../../types/http/loyalty"
import { releaseRedemptionIfCodeRemoved } from "../../../../../workflows/release-loyalty-redemption"
import { withErrorCode } from "../../../../utils/validators"
import {
  StoreGetCartLoyaltyParams,
  StoreRedeemLoyaltyPoints,
  StoreUpdateCartLoyaltyParams,
} from "./validators"

// Points belong to a logged-in customer: a guest cart has none to spend.
const customerOnly = authenticate("customer", ["session", "bearer"])

/** Every store route of one cart, Medusa's own included (`/store/carts/:id`, `/line-items`, `/promotions`, `/complete`, ...). */
const STORE_CART_ROUTES_MATCHER = /^\/store\/carts\/[^/]+(?=\/|$)/i

/** The cart id and what follows it in a store cart path. */
const STORE_CART_PATH = /^\/store\/carts\/([^/]+)(\/[^/]*)?/i

/**
 * Before any store route of a cart runs (reads and writes alike): points whose code was taken off
 * the cart through Medusa's own routes are given back, so the cart, its payment and the customer's
 * balance agree. The plugin's own loyalty routes do the same themselves. A failure here is logged
 * and does not stand in the cart's way: `order.placed` spends only what the order used, and the
 * hourly job is the net.
 */
export async function releaseRemovedLoyaltyCode(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const [, cartId, rest] = STORE_CART_PATH.exec((req.originalUrl ?? "").split("?")[0]) ?? []
  if (!cartId || rest?.toLowerCase() === "/loyalty") {
    return next()
  }
  try {
    await releaseRedemptionIfCodeRemoved(req.scope, decodeURIComponent(cartId))
  } catch (e) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-crm: could not give back points held on a cart: ${(e as Error).message}`)
  }
  next()
}

export const storeCartLoyaltyMiddlewares: MiddlewareRoute[] = [
  { matcher: STORE_CART_ROUTES_MATCHER, middlewares: [releaseRemovedLoyaltyCode] },
  {
    methods: ["GET"],
    matcher: "/store/carts/:id/loyalty",
    middlewares: [
      customerOnly,
      withErrorCode(validateAndTransformQuery(StoreGetCartLoyaltyParams, {}), LoyaltyErrorCodes.INVALID_DATA),
    ],
  },
  {
    // Both answer with the cart as Medusa's own cart routes do: its default fields, `fields` accepted.
    methods: ["POST", "DELETE"],
    matcher: "/store/carts/:id/loyalty",
    middlewares: [
      customerOnly,
      withErrorCode(
        validateAndTransformQuery(StoreUpdateCartLoyaltyParams, retrieveTransformQueryConfig),
        LoyaltyErrorCodes.INVALID_DATA
      ),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/loyalty",
    // A body that is no JSON object is refused for every plugin route (see api/middlewares.ts).
    middlewares: [withErrorCode(validateAndTransformBody(StoreRedeemLoyaltyPoints), LoyaltyErrorCodes.INVALID_DATA)],
  },
]
