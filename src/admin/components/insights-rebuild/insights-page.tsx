import { InsightsRebuildSection } from "./insights-rebuild-section"

/** Customers › Insights: keeping every customer's figures up to date. */
export const InsightsPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-insights-page">
    <InsightsRebuildSection />
  </div>
)
