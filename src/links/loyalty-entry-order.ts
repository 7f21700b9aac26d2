import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import LoyaltyModule from "../modules/loyalty"

/** Read-only: `query.graph` can resolve `loyalty_entry.order` (its display id in the history). */
export default defineLink(
  { linkable: LoyaltyModule.linkable.loyaltyEntry, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
