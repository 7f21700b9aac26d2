import { Module } from "@medusajs/framework/utils"
import CustomerSegmentModuleService from "./service"

export const CUSTOMER_SEGMENT_MODULE = "customer_segment"

export default Module(CUSTOMER_SEGMENT_MODULE, {
  service: CustomerSegmentModuleService,
})

export { SEGMENT_MANUAL_MEMBERS } from "./models/customer-segment"
export { SEGMENT_SYNC_STATUSES, SEGMENT_SYNC_TRIGGERS } from "./models/customer-segment-sync"
export type { default as CustomerSegmentModuleService } from "./service"
