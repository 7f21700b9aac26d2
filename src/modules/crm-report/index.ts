import { Module } from "@medusajs/framework/utils"
import CrmReportModuleService from "./service"

export const CRM_REPORT_MODULE = "crm_report"

export default Module(CRM_REPORT_MODULE, {
  service: CrmReportModuleService,
})

export { CRM_EXPORT_FORMATS, CRM_EXPORT_SOURCES, CRM_EXPORT_STATUSES } from "./models/crm-export"
export { CRM_REPORT_DESTINATIONS, CRM_REPORT_FREQUENCIES } from "./models/crm-report"
export { CRM_REPORT_RUN_STATUSES, CRM_REPORT_RUN_TRIGGERS } from "./models/crm-report-run"
export type { default as CrmReportModuleService } from "./service"
