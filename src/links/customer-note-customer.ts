import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerNoteModule from "../modules/customer-note"

/** Read-only: `query.graph` can resolve `customer_note.customer`; no link table is created. */
export default defineLink(
  {
    linkable: CustomerNoteModule.linkable.customerNote,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
