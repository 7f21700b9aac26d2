import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerIdentityModule from "../modules/customer-identity"

/** Read-only: `query.graph` can resolve `customer_alternate_email.customer`; no link table. */
export default defineLink(
  { linkable: CustomerIdentityModule.linkable.customerAlternateEmail, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
