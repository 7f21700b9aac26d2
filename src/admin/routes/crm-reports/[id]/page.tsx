import type { UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { ReportBreadcrumb } from "../../../components/reports/report-breadcrumb"
import { ReportDetail } from "../../../components/reports/report-detail"

/** Customers › Reports › one report. */
const CrmReportDetailPage = () => {
  const { id } = useParams()

  if (!id) {
    return null
  }

  return <ReportDetail key={id} id={id} />
}

export const handle = {
  breadcrumb: (match: UIMatch) => <ReportBreadcrumb id={match.params.id} />,
}

export default CrmReportDetailPage
