import { InsightsOverviewSections } from "./insights-overview"
import { InsightsRebuildSection } from "./insights-rebuild-section"

/** Customers › Insights: store-wide customer figures, and keeping every customer's figures up to date. */
export const InsightsPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-insights-page">
    <InsightsOverviewSections />
    <InsightsRebuildSection />
  </div>
)
