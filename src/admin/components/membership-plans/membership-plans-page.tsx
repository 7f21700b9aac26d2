import { MembershipPlansTable } from "./membership-plans-table"
import { MembershipScannerKeysSection } from "./membership-scanner-keys-section"
import { MembershipVerifySection } from "./membership-verify-section"

/** Customers › Memberships: the plans, a door check of a member's card, and the door scanner keys. */
export const MembershipPlansPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-memberships-page">
    <MembershipPlansTable />
    <MembershipVerifySection />
    <MembershipScannerKeysSection />
  </div>
)
