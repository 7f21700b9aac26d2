import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MembershipModule from "../modules/membership"

/** Read-only: `query.graph` can resolve `membership_plan.customer_group` (the benefit). */
export default defineLink(
  { linkable: MembershipModule.linkable.membershipPlan, field: "customer_group_id" },
  CustomerModule.linkable.customerGroup,
  { readOnly: true }
)
