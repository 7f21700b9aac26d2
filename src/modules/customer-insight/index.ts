import { Module } from "@medusajs/framework/utils"
import CustomerInsightModuleService from "./service"

export const CUSTOMER_INSIGHT_MODULE = "customer_insight"

export default Module(CUSTOMER_INSIGHT_MODULE, {
  service: CustomerInsightModuleService,
})

export type { default as CustomerInsightModuleService } from "./service"
