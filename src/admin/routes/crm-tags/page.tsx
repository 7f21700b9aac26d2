import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { TagDefinitionListTable } from "../../components/tag-definitions/tag-definition-list-table"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Tags: the catalogue of tag definitions. */
const CrmTagsPage = () => {
  return <TagDefinitionListTable />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("tagsPage.navLabel"),
  translationNs: "translation",
  icon: Tag,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="tagsPage.title" />,
}

export default CrmTagsPage
