import { ConsentPurposesSection } from "./consent-purposes-section"
import { PrivacyRequestsLog } from "./privacy-requests-log"
import { PrivacySettingsSection } from "./privacy-settings-section"
import { RetentionSection } from "./retention-section"

/**
 * Customers › Privacy: a column of sections, each loading on its own: who may export and erase
 * customers' data, the consent purposes, the retention policy, and the requests log.
 */
export const PrivacySettingsPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-privacy-page">
    <PrivacySettingsSection />
    <ConsentPurposesSection />
    <RetentionSection />
    <PrivacyRequestsLog />
  </div>
)
