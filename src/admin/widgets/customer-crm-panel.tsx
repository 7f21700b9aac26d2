import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { CrmPanel } from "../components/crm/crm-panel"

/**
 * The CRM panel (overview, timeline, tags, memberships, loyalty, privacy, identity) right under the
 * customer's details: the store's default layout of the page places it there (see
 * `lib/customer-page-layout.ts`), above orders, groups, metadata and JSON.
 */
const CustomerCrmPanelWidget = ({
  data: customer,
}: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  return <CrmPanel key={customer.id} customerId={customer.id} />
}

export const config = defineWidgetConfig({
  // A string the admin build reads as it is: `CRM_PANEL_WIDGET_ID` in lib/customer-page-layout.ts.
  id: "medusa-crm.customer-panel",
  zone: "customer.details.before",
})

export default CustomerCrmPanelWidget
