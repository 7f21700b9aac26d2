import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { CrmSideCard } from "../components/crm/crm-side-card"

/** The CRM card at the top of the customer page's side column, with the internal description marker. */
const CustomerCrmSideWidget = ({
  data: customer,
}: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  return <CrmSideCard key={customer.id} customerId={customer.id} />
}

export const config = defineWidgetConfig({
  // A string the admin build reads as it is: `CRM_SIDE_CARD_WIDGET_ID` in lib/customer-page-layout.ts.
  id: "medusa-crm.customer-side-card",
  zone: "customer.details.side.before",
})

export default CustomerCrmSideWidget
