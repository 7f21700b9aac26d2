import { Module } from "@medusajs/framework/utils"
import CustomerMessageModuleService from "./service"

export const CUSTOMER_MESSAGE_MODULE = "customer_message"

export default Module(CUSTOMER_MESSAGE_MODULE, {
  service: CustomerMessageModuleService,
})

export { CAMPAIGN_BODY_FORMATS, CAMPAIGN_KINDS, INBOX_ENTRY_ORIGINS } from "./models/constants"
export type { default as CustomerMessageModuleService } from "./service"
