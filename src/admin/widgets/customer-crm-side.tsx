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
  zone: "customer.details.side.before",
})

export default CustomerCrmSideWidget
