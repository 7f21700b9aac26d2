import { Module } from "@medusajs/framework/utils"
import CustomerTagModuleService from "./service"

export const CUSTOMER_TAG_MODULE = "customer_tag"

export default Module(CUSTOMER_TAG_MODULE, {
  service: CustomerTagModuleService,
})

export { TAG_COLORS, TAG_VALUE_MODES } from "./models/customer-tag-definition"
export type { TagColor, TagValueMode } from "./models/customer-tag-definition"
export type { default as CustomerTagModuleService } from "./service"
