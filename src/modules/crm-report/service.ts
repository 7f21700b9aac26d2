import { MedusaService } from "@medusajs/framework/utils"
import { CrmExport } from "./models/crm-export"
import { CrmReport } from "./models/crm-report"
import { CrmReportRun } from "./models/crm-report-run"

/** The module's options (the plugin's options reach it). */
export type CrmReportModuleOptions = {
  /** Encrypts the secrets of report destinations (SFTP passwords and keys); see the README. */
  report_secret?: string
}

/** Exports of the CRM list, scheduled reports and their runs. */
class CrmReportModuleService extends MedusaService({
  CrmExport,
  CrmReport,
  CrmReportRun,
}) {
  // ----- Scheduled reports -----
  protected readonly reportOptions_: CrmReportModuleOptions

  constructor(container: Record<string, unknown>, options: CrmReportModuleOptions = {}) {
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.reportOptions_ = options ?? {}
  }

  /** The key for destination secrets given as the plugin's option `report_secret`, if any. */
  async getReportSecretOption(): Promise<string | null> {
    return this.reportOptions_.report_secret || null
  }
  // ----- end of scheduled reports -----
}

export default CrmReportModuleService
