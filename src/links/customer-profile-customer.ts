import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerProfileModule from "../modules/customer-profile"

/** Read-only: `query.graph` can resolve `customer_profile.customer`; no link table is created. */
export default defineLink(
  { linkable: CustomerProfileModule.linkable.customerProfile, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
