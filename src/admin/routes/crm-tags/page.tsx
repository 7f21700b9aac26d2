import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { TagDefinitionListTable } from "../../components/tag-definitions/tag-definition-list-table"
import { t } from "../../lib/i18n"

/** Customers › Tags: the catalogue of tag definitions. */
const CrmTagsPage = () => {
  return <TagDefinitionListTable />
}

// Route config is read once, outside React: the label takes the dashboard language at load time.
export const config = defineRouteConfig({
  label: t("tagsPage.navLabel"),
  icon: Tag,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => t("tagsPage.title"),
}

export default CrmTagsPage
