import { MedusaService } from "@medusajs/framework/utils"
import { CustomerSegment } from "./models/customer-segment"
import { CustomerSegmentMember } from "./models/customer-segment-member"
import { CustomerSegmentSync } from "./models/customer-segment-sync"

/** Saved segments of the CRM list and their syncs into native customer groups. */
class CustomerSegmentModuleService extends MedusaService({
  CustomerSegment,
  CustomerSegmentMember,
  CustomerSegmentSync,
}) {}

export default CustomerSegmentModuleService
