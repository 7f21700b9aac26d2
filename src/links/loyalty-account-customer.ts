import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import LoyaltyModule from "../modules/loyalty"

/** Read-only: `query.graph` can resolve `loyalty_account.customer`; no link table is created. */
export default defineLink(
  { linkable: LoyaltyModule.linkable.loyaltyAccount, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
