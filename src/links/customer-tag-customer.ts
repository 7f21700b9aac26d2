import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerTagModule from "../modules/customer-tag"

/** Read-only: `query.graph` can resolve `customer_tag.customer`; no link table is created. */
export default defineLink(
  { linkable: CustomerTagModule.linkable.customerTag, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
