import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import CustomerNoteModule from "../modules/customer-note"

/** Read-only: resolves `customer_note.author` (the admin user who wrote a manual note). */
export default defineLink(
  {
    linkable: CustomerNoteModule.linkable.customerNote,
    field: "author_id",
  },
  { linkable: UserModule.linkable.user, alias: "author" },
  { readOnly: true }
)
