import type {
  ExecArgs,
  ISettingsModuleService,
  IUserModuleService,
  Logger,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { setLayoutConfigurationWorkflow } from "@medusajs/medusa/core-flows"
import {
  CUSTOMER_PAGE_LAYOUT,
  CUSTOMER_PAGE_LAYOUT_ZONE,
} from "../lib/customer-page-layout"

/**
 * Makes the CRM's placement the store's default layout of the customer page (the CRM panel under
 * the customer's details, the CRM card on top of the side column), unless the store already has a
 * default for that page: a merchant's own choice is never replaced. Users who saved a layout of
 * their own keep it. Returns whether it set the default.
 */
export async function ensureCustomerPageLayout(
  container: MedusaContainer,
  logger: Logger
) {
  const settings = container.resolve<ISettingsModuleService>(Modules.SETTINGS)
  const existing = await settings.getSystemDefaultLayoutConfiguration(
    CUSTOMER_PAGE_LAYOUT_ZONE
  )
  if (existing) {
    logger.info("The customer page already has a default layout, kept")
    return false
  }
  // The workflow also records the default as this user's active view of the page.
  const users = container.resolve<IUserModuleService>(Modules.USER)
  const [user] = await users.listUsers({}, { take: 1, order: { created_at: "ASC" } })
  if (!user) {
    logger.info("No admin user yet: the customer page layout was not set")
    return false
  }
  await setLayoutConfigurationWorkflow(container).run({
    input: {
      zone: CUSTOMER_PAGE_LAYOUT_ZONE,
      user_id: user.id,
      is_default: true,
      configuration: CUSTOMER_PAGE_LAYOUT,
    },
  })
  logger.info("The CRM is now placed under the customer's details by default")
  return true
}

/**
 * `npx medusa exec ./node_modules/medusa-crm/.medusa/server/src/scripts/customer-page-layout.js`
 * in a host app: the store default layout of the customer page, with the CRM near the top.
 */
export default async function customerPageLayout({ container }: ExecArgs) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  await ensureCustomerPageLayout(container, logger)
}
