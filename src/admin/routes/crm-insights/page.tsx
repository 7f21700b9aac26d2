import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { InsightsPage } from "../../components/insights-rebuild/insights-page"
import { t } from "../../lib/i18n"

/** Customers › Insights: the rebuild of every customer's figures. */
const CrmInsightsPage = () => {
  return <InsightsPage />
}

// Route config is read once, outside React: the label takes the dashboard language at load time.
export const config = defineRouteConfig({
  label: t("insightsPage.navLabel"),
  icon: ChartBar,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => t("insightsPage.title"),
}

export default CrmInsightsPage
