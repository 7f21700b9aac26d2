import { PromotionActions } from "@medusajs/framework/utils"
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
import { prepareRedemptionReleaseStep, updateLoyaltyEntriesStep } from "./steps"

export type ReleaseLoyaltyRedemptionWorkflowInput = {
  cart_id: string
  /** When given (store routes), only this customer's points on the cart are released. */
  customer_id?: string | null
}

export const releaseLoyaltyRedemptionWorkflowId = "release-loyalty-redemption"

/**
 * Gives the points held on a cart back: takes the promotion code off the cart (if it is still
 * there), voids the redeem entry and deletes the one-time promotion. 404 when the cart holds no
 * points; 400 when it already became an order.
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
        })),
      })
    })
    updateLoyaltyEntriesStep(
      transform({ release }, ({ release }) => [{ id: release.entry_id, status: "void" as const }])
    )
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
    return new WorkflowResponse(release)
  }
)
