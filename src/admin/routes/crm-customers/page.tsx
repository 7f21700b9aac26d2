import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { CustomerSearchPage } from "../../components/customer-search/customer-search-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Find customers: search by name, e-mail (alternate ones too) or phone. */
const CrmCustomersPage = () => {
  return <CustomerSearchPage />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("customersPage.navLabel"),
  translationNs: "translation",
  icon: MagnifyingGlass,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="customersPage.title" />,
}

export default CrmCustomersPage
