import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Star } from "@medusajs/icons"
import { LoyaltyProgramPage } from "../../components/loyalty-program/loyalty-program-page"
import { t } from "../../lib/i18n"

/** Customers › Loyalty: the loyalty program's settings and totals. */
const CrmLoyaltyPage = () => {
  return <LoyaltyProgramPage />
}

// Route config is read once, outside React: the label takes the dashboard language at load time.
export const config = defineRouteConfig({
  label: t("loyaltyPage.navLabel"),
  icon: Star,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => t("loyaltyPage.title"),
}

export default CrmLoyaltyPage
