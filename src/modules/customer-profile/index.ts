import { Module } from "@medusajs/framework/utils"
import CustomerProfileModuleService from "./service"

export const CUSTOMER_PROFILE_MODULE = "customer_profile"

export default Module(CUSTOMER_PROFILE_MODULE, {
  service: CustomerProfileModuleService,
})

export { CUSTOMER_GENDERS } from "./models/customer-profile"
export type { CustomerGender } from "./models/customer-profile"
export { CUSTOMER_STORE_SOURCES } from "./models/customer-store"
export type { CustomerStoreSource } from "./models/customer-store"
export type { default as CustomerProfileModuleService } from "./service"
