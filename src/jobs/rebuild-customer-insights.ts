import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildCustomerInsights } from "../lib/insights-rebuild"
import { crmJobConfig, logJobRun, type CrmJobContext } from "../lib/job-schedule"

/**
 * Nightly safety net: recomputes every customer's metrics from the orders, in case an event was
 * missed. The subscribers keep them fresh during the day. A rebuild left running by a worker that
 * stopped is resumed (run again from the first page) instead of starting another; while another
 * instance rebuilds, this round is skipped.
 */
export default async function rebuildCustomerInsightsJob(container: MedusaContainer, context?: CrmJobContext) {
  logJobRun(container, config.name, context)
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

export const config = crmJobConfig({
  name: "medusa-crm-rebuild-customer-insights",
  // Nightly at 02:40 (server time).
  schedule: "40 2 * * *",
})
