import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireLoyaltyPoints } from "../../jobs/expire-loyalty-points"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import { adjustLoyaltyPointsWorkflow } from "../../workflows/adjust-loyalty-points"
import { earnLoyaltyPointsWorkflow } from "../../workflows/earn-loyalty-points"
import { updateLoyaltyProgramWorkflow } from "../../workflows/update-loyalty-program"
import { loadLoyaltyProgram } from "../../workflows/steps/loyalty-validate"
import { Progress } from "./progress"

/** Orders earning at once: accounts are locked per customer, so different customers run in parallel. */
const PARALLEL = 8
const PAGE = 200

const ADJUSTMENTS = [
  { points: 250, reason: "Welcome bonus for joining the newsletter" },
  { points: 500, reason: "Goodwill: the show started 40 minutes late" },
  { points: -150, reason: "Redeemed at the box office for a programme booklet" },
  { points: 1000, reason: "Season ticket holder bonus" },
]

/**
 * The loyalty part of the demo: a program (1 point per euro or dollar, 100 points = 1.00, points
 * expire after 12 months, points of unpaid orders pending until they are paid), every seeded order earning its points through the same workflow as
 * `order.placed`, a few manual adjustments, and the expiry of the oldest points, so that
 * customers show real balances and histories. Idempotent: orders that earned are skipped.
 */
export async function ensureLoyaltyData(
  container: MedusaContainer,
  logger: Logger,
  customerIds: string[]
) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const program = await loadLoyaltyProgram(container)
  if (!program.rates?.length) {
    await updateLoyaltyProgramWorkflow(container).run({
      input: {
        rates: [
          { currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 },
          { currency_code: "usd", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 },
        ],
        min_redeem_points: 100,
        // The demo's unpaid orders show pending points; its paid ones, available points.
        earn_on: "paid",
        expiry_months: 12,
        expiry_reminder_days: 14,
      },
    })
  }

  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { customer_id: customerIds, status: { $ne: "canceled" } },
  })
  const progress = new Progress(logger, "loyalty points for orders", orders.length)
  for (let start = 0; start < orders.length; start += PAGE) {
    const page = orders.slice(start, start + PAGE).map((o: { id: string }) => o.id)
    const earned = new Set(
      (await service.listLoyaltyEntries({ type: "earn", order_id: page }, { select: ["order_id"] })).map(
        (e) => e.order_id
      )
    )
    const todo = page.filter((id: string) => !earned.has(id))
    progress.tick(page.length - todo.length)
    for (let i = 0; i < todo.length; i += PARALLEL) {
      const batch = todo.slice(i, i + PARALLEL)
      await Promise.all(
        batch.map((order_id: string) => earnLoyaltyPointsWorkflow(container).run({ input: { order_id } }))
      )
      progress.tick(batch.length)
    }
  }

  const adjusted = new Set(
    (
      await service.listLoyaltyEntries(
        { type: "adjust", customer_id: customerIds.slice(0, 12) },
        { select: ["customer_id"] }
      )
    ).map((e) => e.customer_id)
  )
  for (const [i, customerId] of customerIds.slice(0, 12).entries()) {
    if (adjusted.has(customerId)) continue
    const adjustment = ADJUSTMENTS[i % ADJUSTMENTS.length]
    const { errors } = await adjustLoyaltyPointsWorkflow(container).run({
      input: { customer_id: customerId, ...adjustment },
      throwOnError: false,
    })
    // A removal larger than the balance is refused, as it would be in the admin: add instead.
    if (errors.length) {
      await adjustLoyaltyPointsWorkflow(container).run({
        input: { customer_id: customerId, points: -adjustment.points, reason: "Welcome bonus" },
      })
    }
  }

  const { expired } = await expireLoyaltyPoints(container)
  const totals = await service.getProgramTotals()
  logger.info(
    `Loyalty demo data ready: ${totals.accounts} accounts, ${totals.points_available} points available, points expired on ${expired} accounts`
  )
}
