import type { UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { CampaignBreadcrumb } from "../../../components/campaigns/campaign-breadcrumb"
import { CampaignDetail } from "../../../components/campaigns/campaign-detail"

/** Customers › Messages & offers › one campaign. */
const CrmMessageDetailPage = () => {
  const { id } = useParams()

  if (!id) {
    return null
  }

  return <CampaignDetail key={id} id={id} />
}

export const handle = {
  breadcrumb: (match: UIMatch) => <CampaignBreadcrumb id={match.params.id} />,
}

export default CrmMessageDetailPage
