import { customerDataHandler as crmRequest } from "../../modules/crm-request/customer-data"
import { customerDataHandler as identity } from "../../modules/customer-identity/customer-data"
import { customerDataHandler as insight } from "../../modules/customer-insight/customer-data"
import { customerDataHandler as notes } from "../../modules/customer-note/customer-data"
import { customerDataHandler as segments } from "../../modules/customer-segment/customer-data"
import { customerDataHandler as profile } from "../../modules/customer-profile/customer-data"
import { customerDataHandler as tags } from "../../modules/customer-tag/customer-data"
import { customerDataHandler as loyalty } from "../../modules/loyalty/customer-data"
import { customerDataHandler as membership } from "../../modules/membership/customer-data"
import { customerDataHandler as messages } from "../../modules/customer-message/customer-data"
import { customerDataHandler as privacy } from "../../modules/privacy/customer-data"
import { medusaCustomerDataHandlers } from "./medusa"
import { workflowExecutionsCustomerDataHandler as workflowExecutions } from "./workflow-executions"
import { registerCustomerDataHandler } from "./registry"
import { savedFiltersCustomerDataHandler as savedFilters } from "./saved-filters"

/**
 * The customer-data registry (see `./types`), with the plugin's and Medusa's handlers registered.
 * Import from here (or `medusa-crm/customer-data` in a host app), so the built-in handlers are
 * registered before anything loops over them.
 */
for (const handler of [notes, tags, profile, loyalty, membership, identity, insight, crmRequest, privacy, segments, messages, savedFilters, workflowExecutions, ...medusaCustomerDataHandlers]) {
  registerCustomerDataHandler(handler)
}

export * from "./registry"
export * from "./types"
export * from "./placeholders"
export { selectRows } from "../queries/sql"
