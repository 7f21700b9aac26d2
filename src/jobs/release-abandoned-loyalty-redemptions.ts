import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runExclusive } from "../lib/exclusive-job"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../modules/loyalty"
import { earnLoyaltyPointsWorkflow } from "../workflows/earn-loyalty-points"
import { releaseLoyaltyRedemptionWorkflow } from "../workflows/release-loyalty-redemption"
import { loadLoyaltyProgram } from "../workflows/steps/loyalty-validate"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

const PAGE_SIZE = 100

type CartState = {
  id: string
  completed_at: string | null
  updated_at: string
  promotions?: { code: string | null }[]
  order?: { id: string } | null
}

/**
 * Settles or gives back points held on carts: a cart that became an order (if `order.placed` was
 * missed) spends them; a cart that is gone, no longer carries the code (removed through Medusa's
 * own promotion route) or saw no activity for the program's hold hours gives them back. Pages by
 * id, one workflow per cart; a second run finds nothing left to do. Returns what it did.
 */
export async function releaseAbandonedLoyaltyRedemptions(container: MedusaContainer, now = new Date()) {
  const result = await runExclusive(
    container,
    "medusa-crm:release-abandoned-loyalty-redemptions",
    "abandoned redemptions",
    async () => {
      const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const program = await loadLoyaltyProgram(container)
      const idleBefore = now.getTime() - program.redemption_hold_hours * 3_600_000
      let settled = 0
      let released = 0
      for (let after = ""; ; ) {
        const held = await service.listLoyaltyEntries(
          { type: "redeem", status: "pending", id: { $gt: after } },
          { select: ["id", "cart_id", "promotion_code", "created_at"], order: { id: "ASC" }, take: PAGE_SIZE }
        )
        if (!held.length) {
          break
        }
        after = held[held.length - 1].id
        const { data } = await query.graph({
          entity: "cart",
          fields: ["id", "completed_at", "updated_at", "promotions.code", "order.id"],
          filters: { id: held.map((e) => e.cart_id!) },
        })
        const carts = new Map((data as CartState[]).map((c) => [c.id, c]))
        for (const entry of held) {
          const cart = carts.get(entry.cart_id!)
          if (cart?.order?.id) {
            await earnLoyaltyPointsWorkflow(container).run({ input: { order_id: cart.order.id } })
            settled++
            continue
          }
          const lastActivity = Math.max(
            new Date(entry.created_at).getTime(),
            cart ? new Date(cart.updated_at).getTime() : 0
          )
          const codeGone = !cart?.promotions?.some((p) => p.code === entry.promotion_code)
          if (!cart || codeGone || lastActivity < idleBefore) {
            await releaseLoyaltyRedemptionWorkflow(container).run({ input: { cart_id: entry.cart_id! } })
            released++
          }
        }
      }
      return { settled, released }
    },
    900
  )
  return result ?? { settled: 0, released: 0 }
}

export default async function releaseAbandonedLoyaltyRedemptionsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
  await releaseAbandonedLoyaltyRedemptions(container)
}

export const config = crmJobConfig({
  name: "medusa-crm-release-abandoned-loyalty-redemptions",
  // Hourly: held points come back within an hour of the hold running out.
  schedule: "20 * * * *",
})
