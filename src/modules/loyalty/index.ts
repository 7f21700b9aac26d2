import { Module } from "@medusajs/framework/utils"
import LoyaltyModuleService from "./service"

export const LOYALTY_MODULE = "loyalty"

export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
})

export { LOYALTY_ENROLLMENT_MODES } from "./models/loyalty-program"
export type { LoyaltyEnrollmentMode, LoyaltyRate } from "./models/loyalty-program"
export { LOYALTY_ENTRY_STATUSES, LOYALTY_ENTRY_TYPES } from "./models/loyalty-entry"
export type { LoyaltyEntryStatus, LoyaltyEntryType } from "./models/loyalty-entry"
export { LOYALTY_PROGRAM_ID } from "./service"
export type {
  AppendLoyaltyEntriesInput,
  LoyaltyBalance,
  LoyaltyLedgerRow,
  NewLoyaltyEntry,
  RedemptionResolution,
  ResolveRedemptionInput,
} from "./service"
export type { default as LoyaltyModuleService } from "./service"
