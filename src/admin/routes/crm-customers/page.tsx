import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { CustomerListPage } from "../../components/customer-list/customer-list-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/**
 * Customers › CRM list: every customer with their figures, filtered, sorted and selected for bulk
 * actions, segments and exports; the filter lives in the URL.
 */
const CrmCustomersPage = () => {
  return <CustomerListPage />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("customerList.navLabel"),
  translationNs: "translation",
  icon: MagnifyingGlass,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="customerList.title" />,
}

export default CrmCustomersPage
