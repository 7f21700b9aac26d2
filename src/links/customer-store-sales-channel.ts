import { defineLink } from "@medusajs/framework/utils"
import SalesChannelModule from "@medusajs/medusa/sales-channel"
import CustomerProfileModule from "../modules/customer-profile"

/** Read-only: resolves `customer_store.sales_channel` (the store's name). */
export default defineLink(
  { linkable: CustomerProfileModule.linkable.customerStore, field: "sales_channel_id" },
  SalesChannelModule.linkable.salesChannel,
  { readOnly: true }
)
