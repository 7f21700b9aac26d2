import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { CustomerSearchPage } from "../../components/customer-search/customer-search-page"
import { t } from "../../lib/i18n"

/** Customers › Find customers: search by name, e-mail (alternate ones too) or phone. */
const CrmCustomersPage = () => {
  return <CustomerSearchPage />
}

// Route config is read once, outside React: the label takes the dashboard language at load time.
export const config = defineRouteConfig({
  label: t("customersPage.navLabel"),
  icon: MagnifyingGlass,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => t("customersPage.title"),
}

export default CrmCustomersPage
