import { PromotionActions } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createPromotionsStep,
  emitEventStep,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { LoyaltyErrorCodes } from "../types/http/loyalty"
import {
  appendLoyaltyEntriesStep,
  assertPromotionAppliedStep,
  ensureLoyaltyAccountsStep,
  updateLoyaltyEntriesStep,
  validateRedemptionStep,
} from "./steps"

export type RedeemLoyaltyPointsWorkflowInput = {
  /** The logged-in customer: the cart must be theirs. */
  customer_id: string
  cart_id: string
  points: number
}

export const redeemLoyaltyPointsWorkflowId = "redeem-loyalty-points"

/**
 * Spends points on the customer's own cart. The points are taken first, under the account's row
 * lock (so parallel requests cannot overdraw the balance; a cart holds one redemption), then a
 * one-time promotion worth their value is made for exactly this cart and customer (rules on the
 * cart id and customer id, fixed amount off the order, including tax where the cart's prices do)
 * and applied to the cart, whose payment collection is refreshed to the new total. The redeem entry
 * stays pending until the order is placed; removing the points or abandoning the cart gives them
 * back. Any failure undoes every step.
 *
 * @example
 * await redeemLoyaltyPointsWorkflow(container).run({
 *   input: { customer_id: "cus_123", cart_id: "cart_123", points: 500 },
 * })
 */
export const redeemLoyaltyPointsWorkflow = createWorkflow(
  redeemLoyaltyPointsWorkflowId,
  (input: WorkflowData<RedeemLoyaltyPointsWorkflowInput>) => {
    const plan = validateRedemptionStep(input)
    const accounts = ensureLoyaltyAccountsStep(transform({ input }, ({ input }) => [input.customer_id]))
    const entries = appendLoyaltyEntriesStep(
      transform({ accounts, plan }, ({ accounts, plan }) => ({
        account_id: accounts[0].id,
        require_available: true,
        refuse_if_exists: {
          filter: { type: "redeem" as const, cart_id: plan.cart_id, status: "pending" as const },
          message: "Points are already applied to this cart: remove them first",
          code: LoyaltyErrorCodes.ALREADY_APPLIED,
        },
        entries: [
          {
            customer_id: plan.customer_id,
            type: "redeem" as const,
            points: -plan.points,
            status: "pending" as const,
            description: `${plan.value.toFixed(plan.decimals)} ${plan.currency_code.toUpperCase()} off an order`,
            detail: { key: "redeem" as const, values: { amount: plan.value, currency_code: plan.currency_code } },
            cart_id: plan.cart_id,
            promotion_code: plan.code,
            currency_code: plan.currency_code,
            amount: plan.value,
          },
        ],
      }))
    )
    const promotions = createPromotionsStep(
      transform({ plan }, ({ plan }) => [
        {
          code: plan.code,
          type: "standard" as const,
          status: "active" as const,
          is_automatic: false,
          // Where the cart's prices include tax, the discount does too: 100 points take exactly
          // their worth off what the customer pays, not their worth plus VAT.
          is_tax_inclusive: plan.is_tax_inclusive,
          application_method: {
            type: "fixed" as const,
            target_type: "order" as const,
            allocation: "across" as const,
            value: plan.value,
            currency_code: plan.currency_code,
          },
          rules: [
            { attribute: "id", operator: "eq" as const, values: [plan.cart_id] },
            { attribute: "customer.id", operator: "eq" as const, values: [plan.customer_id] },
          ],
        },
      ])
    )
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        cart_id: plan.cart_id,
        promo_codes: [plan.code],
        action: PromotionActions.ADD,
        // As Medusa's own promotion routes: the payment collection follows the new total.
        force_refresh_payment_collection: true,
      })),
    })
    assertPromotionAppliedStep(transform({ plan }, ({ plan }) => ({ cart_id: plan.cart_id, code: plan.code })))
    const updated = updateLoyaltyEntriesStep(
      transform({ entries, promotions }, ({ entries, promotions }) => [
        { id: entries[0].id, promotion_id: promotions[0].id },
      ])
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_POINTS_REDEEMED,
      data: transform({ entries, plan }, ({ entries, plan }) => ({
        id: entries[0].id,
        customer_id: plan.customer_id,
        cart_id: plan.cart_id,
      })),
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
