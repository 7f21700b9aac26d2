import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { CrmPanel } from "../components/crm/crm-panel"

/** The CRM panel under the customer's details: notes now, tags, memberships, loyalty and more later. */
const CustomerCrmPanelWidget = ({
  data: customer,
}: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  return <CrmPanel key={customer.id} customerId={customer.id} />
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerCrmPanelWidget
