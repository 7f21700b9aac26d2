import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, PromotionActions } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  deletePromotionsStep,
  emitEventStep,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../modules/loyalty"
import { prepareRedemptionReleaseStep, resolveRedemptionsStep } from "./steps"

export type ReleaseLoyaltyRedemptionWorkflowInput = {
  cart_id: string
  /** When given (store routes), only this customer's points on the cart are released. */
  customer_id?: string | null
}

export const releaseLoyaltyRedemptionWorkflowId = "release-loyalty-redemption"

/**
 * Gives the points held on a cart back: takes the promotion code off the cart (if it is still
 * there) and refreshes the cart's payment collection as Medusa's own promotion routes do (its
 * amount follows the new total; a payment session must be started again), voids the redeem entry
 * (once, under the account's lock) and deletes the one-time promotion. Points whose credits expired
 * while they were held expire now. 404 when the cart holds no points; 400 when it already became
 * an order.
 *
 * @example
 * await releaseLoyaltyRedemptionWorkflow(container).run({ input: { cart_id: "cart_123", customer_id: "cus_123" } })
 */
export const releaseLoyaltyRedemptionWorkflow = createWorkflow(
  releaseLoyaltyRedemptionWorkflowId,
  (input: WorkflowData<ReleaseLoyaltyRedemptionWorkflowInput>) => {
    const release = prepareRedemptionReleaseStep(input)
    when({ release }, ({ release }) => release.on_cart).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ release, input }, ({ release, input }) => ({
          cart_id: input.cart_id,
          promo_codes: [release.code!],
          action: PromotionActions.REMOVE,
          force_refresh_payment_collection: true,
        })),
      })
    })
    const resolutions = resolveRedemptionsStep(
      transform({ release }, ({ release }) => [{ entry_id: release.entry_id, used_points: 0 }])
    )
    when("release-loyalty-redemption-if-changed", { resolutions }, ({ resolutions }) => resolutions[0].changed).then(
      () => {
        deletePromotionsStep(
          transform({ release }, ({ release }) => (release.promotion_id ? [release.promotion_id] : []))
        )
        emitEventStep({
          eventName: CrmEvents.LOYALTY_POINTS_RELEASED,
          data: transform({ release, input }, ({ release, input }) => ({
            id: release.entry_id,
            customer_id: release.customer_id,
            cart_id: input.cart_id,
          })),
        })
      }
    )
    return new WorkflowResponse(release)
  }
)

/**
 * Gives back the points held on a cart whose code is no longer on it: removed through Medusa's own
 * promotion routes, or dropped when the cart changed region. Called on every read or write of the
 * cart (store routes), on `cart.updated`, and by the hourly job as the net. Cheap when nothing is
 * held (one indexed lookup). A completed cart is left to `order.placed`, which spends only what the
 * order used. Returns whether points were given back.
 */
export async function releaseRedemptionIfCodeRemoved(container: MedusaContainer, cartId: string) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [held] = await service.listLoyaltyEntries(
    { cart_id: cartId, type: "redeem", status: "pending" },
    { select: ["id", "promotion_code"], take: 1 }
  )
  if (!held) {
    return false
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "promotions.code"],
    filters: { id: cartId },
  })
  const cart = data[0] as { completed_at: unknown; promotions?: ({ code: string | null } | null)[] } | undefined
  if (!cart || cart.completed_at || cart.promotions?.some((p) => p?.code === held.promotion_code)) {
    return false
  }
  try {
    await releaseLoyaltyRedemptionWorkflow(container).run({ input: { cart_id: cartId } })
    return true
  } catch (e) {
    // Someone else released it (or the order settled it) first: nothing left to do.
    if (MedusaError.isMedusaError(e as Error) && (e as MedusaError).type === MedusaError.Types.NOT_FOUND) {
      return false
    }
    throw e
  }
}
