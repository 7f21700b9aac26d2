import { MedusaService } from "@medusajs/framework/utils"
import { CrmExport } from "./models/crm-export"
import { CrmReport } from "./models/crm-report"
import { CrmReportRun } from "./models/crm-report-run"

/** Exports of the CRM list, scheduled reports and their runs. */
class CrmReportModuleService extends MedusaService({
  CrmExport,
  CrmReport,
  CrmReportRun,
}) {}

export default CrmReportModuleService
