import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { CampaignListTable } from "../../components/campaigns/campaign-list-table"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"

/** Customers › Messages & offers: campaigns that put messages and offers into customers' inboxes. */
const CrmMessagesPage = () => {
  return <CampaignListTable />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("messagesPage.navLabel"),
  translationNs: "translation",
  icon: ChatBubbleLeftRight,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="messagesPage.title" />,
}

export default CrmMessagesPage
