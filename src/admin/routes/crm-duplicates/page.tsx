import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { DuplicateGroupsPage } from "../../components/duplicate-groups/duplicate-groups-page"
import { t } from "../../lib/i18n"

/** Customers › Duplicates: customers sharing an e-mail address or a phone number. */
const CrmDuplicatesPage = () => {
  return <DuplicateGroupsPage />
}

// Route config is read once, outside React: the label takes the dashboard language at load time.
export const config = defineRouteConfig({
  label: t("duplicatesPage.navLabel"),
  icon: Users,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => t("duplicatesPage.title"),
}

export default CrmDuplicatesPage
