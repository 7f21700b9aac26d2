import { InsightsSection } from "../customer-insights/insights-section"
import { TransactionsSection } from "../customer-insights/transactions-section"
import { OverviewTags } from "./overview-tags"
import { ProfileSection } from "./profile-section"

type OverviewTabProps = {
  customerId: string
  /** Switches the CRM panel to the Tags tab. */
  onViewAllTags: () => void
}

/** The Overview tab: the customer's insights and transactions, the CRM profile, then their tags. */
export const OverviewTab = ({
  customerId,
  onViewAllTags,
}: OverviewTabProps) => (
  <div className="divide-y" data-testid="crm-overview">
    <InsightsSection customerId={customerId} />
    <TransactionsSection customerId={customerId} />
    <ProfileSection customerId={customerId} />
    <OverviewTags customerId={customerId} onViewAll={onViewAllTags} />
  </div>
)
