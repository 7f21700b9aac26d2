import { Module } from "@medusajs/framework/utils"
import PrivacyModuleService from "./service"

export const PRIVACY_MODULE = "privacy"

export default Module(PRIVACY_MODULE, {
  service: PrivacyModuleService,
})

export { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_SOURCES, PRIVACY_REQUEST_STATUSES } from "./models/privacy-request"
export type { PrivacyRequestKind, PrivacyRequestSource, PrivacyRequestStatus } from "./models/privacy-request"
export { PRIVACY_ERASURE_KINDS } from "./models/privacy-erasure"
export type { PrivacyErasureKind } from "./models/privacy-erasure"
export type { default as PrivacyModuleService } from "./service"
