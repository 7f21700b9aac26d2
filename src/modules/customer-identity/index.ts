import { Module } from "@medusajs/framework/utils"
import CustomerIdentityModuleService from "./service"

export const CUSTOMER_IDENTITY_MODULE = "customer_identity"

export default Module(CUSTOMER_IDENTITY_MODULE, {
  service: CustomerIdentityModuleService,
})

export { ALTERNATE_EMAIL_SOURCES } from "./models/customer-alternate-email"
export type { AlternateEmailSource } from "./models/customer-alternate-email"
export { normalizeEmail, normalizePhone } from "./service"
export { DEFAULT_CLAIM_LIMITS, MAX_CLAIM_ATTEMPTS } from "./claim-codes"
export type { ClaimLimit, ClaimLimits, ClaimRefusal } from "./claim-codes"
export type { IdentityClaimCheck, OpenedIdentityClaim, StoreIdentityClaim } from "./service"
export type { default as CustomerIdentityModuleService } from "./service"
