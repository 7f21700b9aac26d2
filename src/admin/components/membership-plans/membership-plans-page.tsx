import { MembershipPlansTable } from "./membership-plans-table"
import { MembershipVerifySection } from "./membership-verify-section"

/** Customers › Memberships: the plans, and a door check of a member's card. */
export const MembershipPlansPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-memberships-page">
    <MembershipPlansTable />
    <MembershipVerifySection />
  </div>
)
