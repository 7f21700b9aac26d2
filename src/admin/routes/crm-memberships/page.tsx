import { defineRouteConfig } from "@medusajs/admin-sdk"
import { IdBadge } from "@medusajs/icons"
import { MembershipPlansPage } from "../../components/membership-plans/membership-plans-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Memberships: the membership plans and the door check. */
const CrmMembershipsPage = () => {
  return <MembershipPlansPage />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("membershipsPage.navLabel"),
  translationNs: "translation",
  icon: IdBadge,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="membershipsPage.title" />,
}

export default CrmMembershipsPage
