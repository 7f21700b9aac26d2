import { Module } from "@medusajs/framework/utils"
import sharedDatabaseLoader from "./loaders/shared-database"
import CustomerInsightModuleService from "./service"

export const CUSTOMER_INSIGHT_MODULE = "customer_insight"

export default Module(CUSTOMER_INSIGHT_MODULE, {
  service: CustomerInsightModuleService,
  loaders: [sharedDatabaseLoader],
})

export type { default as CustomerInsightModuleService } from "./service"
export type {
  CustomerMetricBucketRow,
  CustomerMetricRows,
  CustomerMetricSource,
  CustomerMetricTotalsRow,
} from "./service"
