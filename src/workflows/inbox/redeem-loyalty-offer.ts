import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { ensureLoyaltyAccountsStep } from "../steps/loyalty-accounts"
import { appendLoyaltyEntriesStep } from "../steps/loyalty-entries"
import { validateLoyaltyCustomerStep } from "../steps/loyalty-validate"
import {
  createInboxEntriesStep,
  createPersonalPromotionsStep,
  prepareLoyaltyOfferRedemptionStep,
} from "./steps"

export type RedeemLoyaltyOfferWorkflowInput = {
  /** The logged-in customer: the offer must be in their inbox. */
  customer_id: string
  /** The loyalty offer's inbox entry. */
  entry_id: string
}

export const redeemLoyaltyOfferWorkflowId = "redeem-loyalty-offer"

/**
 * A customer buys a loyalty offer with points. The offer is checked (theirs, a running loyalty
 * offer, not removed), then the points are taken with a `redeem` ledger entry whose description is
 * the offer's title, under the account's row lock with `require_available` (so parallel redemptions
 * see each other and can never overdraw: 100 at once on a balance for 10 give exactly 10; the rest
 * are refused with `insufficient_points`). The reward is a personal promotion copied from the
 * campaign's (customer rule, `limit` 1) in a new inbox entry (origin `redemption`, kind `offer`)
 * that expires after the campaign's `reward_valid_days`, else with the campaign.
 * `crm.loyalty_offer.redeemed` is emitted. Any failure undoes every step (points, promotion, entry).
 *
 * @example
 * const { result } = await redeemLoyaltyOfferWorkflow(container).run({
 *   input: { customer_id: "cus_123", entry_id: "cinb_123" },
 * })
 */
export const redeemLoyaltyOfferWorkflow = createWorkflow(
  redeemLoyaltyOfferWorkflowId,
  (input: WorkflowData<RedeemLoyaltyOfferWorkflowInput>) => {
    const plan = prepareLoyaltyOfferRedemptionStep(input)
    validateLoyaltyCustomerStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
    const accounts = ensureLoyaltyAccountsStep(transform({ input }, ({ input }) => [input.customer_id]))
    const ledger = appendLoyaltyEntriesStep(
      transform({ accounts, plan }, ({ accounts, plan }) => ({
        account_id: accounts[0].id,
        require_available: true,
        entries: [
          {
            customer_id: plan.customer_id,
            type: "redeem" as const,
            points: -plan.points,
            status: "available" as const,
            description: plan.title,
            detail: {
              key: "offer_redeemed" as const,
              values: { title: plan.title, campaign_id: plan.campaign_id },
            },
          },
        ],
      }))
    )
    const promotions = createPersonalPromotionsStep(transform({ plan }, ({ plan }) => [plan]))
    const rewards = createInboxEntriesStep(
      transform({ plan, promotions, ledger }, ({ plan, promotions, ledger }) => [
        {
          campaign_id: plan.campaign_id,
          customer_id: plan.customer_id,
          kind: "offer" as const,
          origin: "redemption" as const,
          distributed_at: new Date(),
          promotion_id: promotions[0].id,
          promotion_code: promotions[0].code,
          points_spent: plan.points,
          loyalty_entry_id: ledger[0].id,
          expires_at: plan.expires_at,
        },
      ])
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_OFFER_REDEEMED,
      data: transform({ plan, rewards, ledger }, ({ plan, rewards, ledger }) => ({
        id: rewards[0].id,
        offer_id: plan.entry_id,
        campaign_id: plan.campaign_id,
        customer_id: plan.customer_id,
        loyalty_entry_id: ledger[0].id,
        points: plan.points,
      })),
    })
    return new WorkflowResponse(
      transform({ plan, rewards, ledger }, ({ plan, rewards, ledger }) => ({
        offer_id: plan.entry_id,
        reward_id: rewards[0].id,
        loyalty_entry_id: ledger[0].id,
      }))
    )
  }
)
