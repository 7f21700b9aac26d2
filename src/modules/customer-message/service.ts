import { MedusaService } from "@medusajs/framework/utils"
import { CustomerCampaign } from "./models/customer-campaign"
import { CustomerInboxEntry } from "./models/customer-inbox-entry"

/** Campaigns (messages, offers, loyalty offers) and the customers' inbox entries. */
class CustomerMessageModuleService extends MedusaService({
  CustomerCampaign,
  CustomerInboxEntry,
}) {}

export default CustomerMessageModuleService
