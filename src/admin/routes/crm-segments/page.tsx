import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Funnel } from "@medusajs/icons"
import { TranslatedText } from "../../components/common/translated-text"
import { SegmentListTable } from "../../components/segments/segment-list-table"
import { routeLabel } from "../../lib/i18n"

/** Customers › Segments: saved filters, their live counts and the groups they sync into. */
const CrmSegmentsPage = () => {
  return <SegmentListTable />
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("segmentsPage.navLabel"),
  translationNs: "translation",
  icon: Funnel,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="segmentsPage.title" />,
}

export default CrmSegmentsPage
