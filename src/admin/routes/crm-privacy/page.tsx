import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { PrivacySettingsPage } from "../../components/privacy-settings/privacy-settings-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Privacy: who may export and erase customers' data, and the requests log. */
const CrmPrivacyPage = () => {
  return <PrivacySettingsPage />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("privacy.settings.navLabel"),
  translationNs: "translation",
  icon: ShieldCheck,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="privacy.settings.title" />,
}

export default CrmPrivacyPage
