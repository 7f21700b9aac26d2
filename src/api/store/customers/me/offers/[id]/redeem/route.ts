import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../../../../../../modules/loyalty"
import type { StoreRedeemOfferResponse } from "../../../../../../../types/http/messages"
import { redeemLoyaltyOfferWorkflow } from "../../../../../../../workflows/inbox/redeem-loyalty-offer"
import { readOwnEntry } from "../../../messages/helpers"
import type { StoreRedeemOfferBodyType } from "../../../messages/validators"

/**
 * Buys a loyalty offer with points: the reward (a personal offer with its own code) lands in the
 * inbox. 400 `insufficient_points` when the balance is short, `offer_not_redeemable` when it is not
 * a running loyalty offer; 404 `offer_not_found` for anyone else's.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRedeemOfferBodyType>,
  res: MedusaResponse<StoreRedeemOfferResponse>
) => {
  const customerId = req.auth_context.actor_id
  const { result } = await redeemLoyaltyOfferWorkflow(req.scope).run({
    input: { customer_id: customerId, entry_id: req.params.id },
  })
  const loyalty: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const [account] = await loyalty.listLoyaltyAccounts({ customer_id: customerId }, { select: ["id"] })
  const balance = (await loyalty.getBalances([account.id]))[account.id]
  res.status(201).json({
    offer: await readOwnEntry(req.scope, customerId, "offers", result.offer_id),
    reward: await readOwnEntry(req.scope, customerId, "offers", result.reward_id),
    balance: balance.available,
  })
}
