import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { TranslatedText } from "../../components/common/translated-text"
import { ReportListTable } from "../../components/reports/report-list-table"
import { routeLabel } from "../../lib/i18n"

/** Customers › Reports: customer lists sent on a schedule to a file, an e-mail or SFTP. */
const CrmReportsPage = () => {
  return <ReportListTable />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("reportsPage.navLabel"),
  translationNs: "translation",
  icon: DocumentText,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="reportsPage.title" />,
}

export default CrmReportsPage
