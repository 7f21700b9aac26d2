import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { LoyaltyErrorCodes } from "../../types/http/loyalty"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
  type RedemptionResolution,
  type ResolveRedemptionInput,
} from "../../modules/loyalty"

type CartPromotions = {
  id: string
  customer_id: string | null
  completed_at: unknown
  promotions?: { code: string | null }[]
}

async function loadCart(container: any, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "completed_at", "promotions.code"],
    filters: { id: cartId },
  })
  return data[0] as CartPromotions | undefined
}

export const assertPromotionAppliedStepId = "assert-loyalty-promotion-applied"

/**
 * Fails (and so undoes the redemption) when the cart did not take the points' promotion code,
 * e.g. because the cart changed meanwhile. Writes nothing.
 */
export const assertPromotionAppliedStep = createStep(
  assertPromotionAppliedStepId,
  async (input: { cart_id: string; code: string }, { container }) => {
    const cart = await loadCart(container, input.cart_id)
    if (!cart?.promotions?.some((p) => p.code === input.code)) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.NOT_APPLICABLE,
        "The points could not be applied to this cart"
      )
    }
    return new StepResponse(true)
  }
)

export type RedemptionRelease = {
  entry_id: string
  customer_id: string
  points: number
  promotion_id: string | null
  code: string | null
  /** The code is still on an open cart and must come off it. */
  on_cart: boolean
}

export const prepareRedemptionReleaseStepId = "prepare-loyalty-redemption-release"

/**
 * Finds the points held on a cart. 404 when there are none (or the cart is not the customer's);
 * 400 when the cart became an order (its points are spent). Writes nothing.
 */
export const prepareRedemptionReleaseStep = createStep(
  prepareRedemptionReleaseStepId,
  async (input: { cart_id: string; customer_id?: string | null }, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const [entry] = await service.listLoyaltyEntries(
      {
        cart_id: input.cart_id,
        type: "redeem",
        status: "pending",
        ...(input.customer_id ? { customer_id: input.customer_id } : {}),
      },
      { select: ["id", "customer_id", "points", "promotion_id", "promotion_code"] }
    )
    if (!entry) {
      throw crmError(
        MedusaError.Types.NOT_FOUND,
        LoyaltyErrorCodes.NOT_APPLIED,
        `No points are applied to cart ${input.cart_id}`
      )
    }
    const cart = await loadCart(container, input.cart_id)
    if (cart?.completed_at) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.CART_COMPLETED,
        "The cart has been completed: its points were spent on the order"
      )
    }
    return new StepResponse({
      entry_id: entry.id,
      customer_id: entry.customer_id,
      points: -Number(entry.points),
      promotion_id: entry.promotion_id,
      code: entry.promotion_code,
      on_cart: !!cart?.promotions?.some((p) => p.code === entry.promotion_code),
    } as RedemptionRelease)
  }
)

export const resolveRedemptionsStepId = "resolve-loyalty-redemptions"

/**
 * Settles held points: spent by an order (all, or the part its discount used, the rest returned)
 * or given back (`used_points: 0`). Each entry changes once, under its account's lock; entries
 * someone else settled first are left alone (`changed: false`). Compensation puts them back on hold.
 */
export const resolveRedemptionsStep = createStep(
  resolveRedemptionsStepId,
  async (input: ResolveRedemptionInput[], { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const results: RedemptionResolution[] = []
    for (const item of input ?? []) {
      results.push(await service.resolveRedemption(item))
    }
    return new StepResponse(results, results)
  },
  async (results, { container }) => {
    if (!results?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    for (const result of results) {
      await service.unresolveRedemption(result)
    }
  }
)
