import { Module } from "@medusajs/framework/utils"
import CrmRequestModuleService from "./service"

export const CRM_REQUEST_MODULE = "crm_request"

export default Module(CRM_REQUEST_MODULE, {
  service: CrmRequestModuleService,
})

export type { default as CrmRequestModuleService, RequestClaim, StoredRequest } from "./service"
