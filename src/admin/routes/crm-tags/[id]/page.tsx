import type { UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { TagDefinitionBreadcrumb } from "../../../components/tag-definitions/tag-definition-breadcrumb"
import { TagDefinitionDetail } from "../../../components/tag-definitions/tag-definition-detail"

/** Customers › Tags › one tag definition. */
const CrmTagDetailPage = () => {
  const { id } = useParams()

  if (!id) {
    return null
  }

  return <TagDefinitionDetail key={id} id={id} />
}

export const handle = {
  breadcrumb: (match: UIMatch) => (
    <TagDefinitionBreadcrumb id={match.params.id} />
  ),
}

export default CrmTagDetailPage
