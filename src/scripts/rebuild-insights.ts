import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildCustomerInsights } from "../lib/insights-rebuild"

/** A text progress bar: `[#####.....] 120/240 (50%)`. */
export function progressBar(done: number, total: number, width = 30) {
  const share = total ? Math.min(1, done / total) : 1
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`
}

/**
 * `npm run insights:rebuild` (or `npx medusa exec ./src/scripts/rebuild-insights.ts` in a host
 * app): recomputes every customer's metrics from the orders, with a progress bar.
 */
export default async function rebuildInsights({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const { processed } = await rebuildCustomerInsights(container, (done, total) => {
    process.stdout.write(`\rRebuilding customer metrics ${progressBar(done, total)}`)
  })
  process.stdout.write("\n")
  logger.info(`Customer metrics rebuilt for ${processed} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
