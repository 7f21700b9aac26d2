import { OverviewTags } from "./overview-tags"
import { ProfileSection } from "./profile-section"

type OverviewTabProps = {
  customerId: string
  /** Switches the CRM panel to the Tags tab. */
  onViewAllTags: () => void
}

/** The Overview tab: the CRM profile, then the customer's tags. */
export const OverviewTab = ({
  customerId,
  onViewAllTags,
}: OverviewTabProps) => (
  <div className="divide-y" data-testid="crm-overview">
    <ProfileSection customerId={customerId} />
    <OverviewTags customerId={customerId} onViewAll={onViewAllTags} />
  </div>
)
