import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerInsightModule from "../modules/customer-insight"

/** Read-only: `query.graph` can resolve `customer_metric.customer`; no link table is created. */
export default defineLink(
  { linkable: CustomerInsightModule.linkable.customerMetric, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
