import { defineRouteConfig } from "@medusajs/admin-sdk"
import { IdBadge } from "@medusajs/icons"
import { MembershipPlansPage } from "../../components/membership-plans/membership-plans-page"
import { t } from "../../lib/i18n"

/** Customers › Memberships: the membership plans and the door check. */
const CrmMembershipsPage = () => {
  return <MembershipPlansPage />
}

// Route config is read once, outside React: the label takes the dashboard language at load time.
export const config = defineRouteConfig({
  label: t("membershipsPage.navLabel"),
  icon: IdBadge,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => t("membershipsPage.title"),
}

export default CrmMembershipsPage
