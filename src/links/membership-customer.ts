import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MembershipModule from "../modules/membership"

/** Read-only: `query.graph` can resolve `membership.customer` (the holder); no link table. */
export default defineLink(
  { linkable: MembershipModule.linkable.membership, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
