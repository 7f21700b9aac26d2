import { TriangleRightMini } from "@medusajs/icons"
import { Link } from "react-router-dom"
import { useReport } from "../../hooks/api/reports"
import { useTranslate } from "../../lib/i18n"

/** The report page's breadcrumb: "Reports › name". */
export const ReportBreadcrumb = ({ id }: { id?: string }) => {
  const { t } = useTranslate()
  const { report } = useReport(id ?? "", { enabled: !!id, refetchInterval: false })

  return (
    <span className="flex items-center" data-testid="crm-report-breadcrumb">
      <Link to="/crm-reports" className="transition-fg hover:text-ui-fg-subtle">
        {t("reportsPage.title")}
      </Link>
      {report && (
        <>
          <span className="mx-2">
            <TriangleRightMini className="rtl:rotate-180" />
          </span>
          <span>{report.name}</span>
        </>
      )}
    </span>
  )
}
