import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MembershipModule from "../modules/membership"

/** Read-only: `query.graph` can resolve `membership_share.customer` (the co-member). */
export default defineLink(
  { linkable: MembershipModule.linkable.membershipShare, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
