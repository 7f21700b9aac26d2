import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildCustomerInsights } from "../lib/insights-rebuild"

/**
 * Nightly safety net: recomputes every customer's metrics from the orders, in case an event was
 * missed. The subscribers keep them fresh during the day.
 */
export default async function rebuildCustomerInsightsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { processed } = await rebuildCustomerInsights(container)
    logger.info(`medusa-crm: customer metrics rebuilt for ${processed} customers`)
  } catch (e) {
    if (/already running/.test((e as Error).message)) {
      logger.info("medusa-crm: customer metrics rebuild already running; skipped")
      return
    }
    throw e
  }
}

export const config = {
  name: "medusa-crm-rebuild-customer-insights",
  // Nightly at 02:40 (server time).
  schedule: "40 2 * * *",
}
