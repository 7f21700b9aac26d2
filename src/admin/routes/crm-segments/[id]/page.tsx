import type { UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { SegmentBreadcrumb } from "../../../components/segments/segment-breadcrumb"
import { SegmentDetail } from "../../../components/segments/segment-detail"

/** Customers › Segments › one segment. */
const CrmSegmentDetailPage = () => {
  const { id } = useParams()

  if (!id) {
    return null
  }

  return <SegmentDetail key={id} id={id} />
}

export const handle = {
  breadcrumb: (match: UIMatch) => <SegmentBreadcrumb id={match.params.id} />,
}

export default CrmSegmentDetailPage
