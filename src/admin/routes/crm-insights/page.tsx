import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { InsightsPage } from "../../components/insights-rebuild/insights-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Insights: store-wide customer figures and the rebuild of every customer's figures. */
const CrmInsightsPage = () => {
  return <InsightsPage />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("insightsPage.navLabel"),
  translationNs: "translation",
  icon: ChartBar,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="insightsPage.title" />,
}

export default CrmInsightsPage
