import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Star } from "@medusajs/icons"
import { LoyaltyProgramPage } from "../../components/loyalty-program/loyalty-program-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Loyalty: the loyalty program's settings and totals. */
const CrmLoyaltyPage = () => {
  return <LoyaltyProgramPage />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("loyaltyPage.navLabel"),
  translationNs: "translation",
  icon: Star,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="loyaltyPage.title" />,
}

export default CrmLoyaltyPage
