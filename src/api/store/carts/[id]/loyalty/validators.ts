import { z } from "@medusajs/framework/zod"
import { StoreGetCartsCart } from "@medusajs/medusa/api/store/carts/validators"
import { LOYALTY_MAX_POINTS } from "../../../../../types/http/loyalty"
import { NoQueryParams } from "../../../../utils/validators"

/** What the customer can spend on the cart: no parameters. */
export const StoreGetCartLoyaltyParams = NoQueryParams
export type StoreGetCartLoyaltyParamsType = z.infer<typeof StoreGetCartLoyaltyParams>

/** Applying or removing points answers with the cart: Medusa's own cart `fields`. */
export const StoreUpdateCartLoyaltyParams = StoreGetCartsCart
export type StoreUpdateCartLoyaltyParamsType = z.infer<typeof StoreUpdateCartLoyaltyParams>

export const StoreRedeemLoyaltyPoints = z
  .object({ points: z.number().int().min(1).max(LOYALTY_MAX_POINTS) })
  .strict()
export type StoreRedeemLoyaltyPointsType = z.infer<typeof StoreRedeemLoyaltyPoints>
