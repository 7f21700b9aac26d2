import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerTagModule from "../modules/customer-tag"

/** Read-only: resolves `customer_tag_definition.customer_group`, the tag's benefit group. */
export default defineLink(
  {
    linkable: CustomerTagModule.linkable.customerTagDefinition,
    field: "customer_group_id",
  },
  CustomerModule.linkable.customerGroup,
  { readOnly: true }
)
