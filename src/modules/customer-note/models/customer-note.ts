import { model } from "@medusajs/framework/utils"
import { CUSTOMER_NOTE_KINDS, type CustomerNoteKind } from "../../../types/http/notes"
import { CustomerNoteEmail } from "./customer-note-email"

export { CUSTOMER_NOTE_KINDS, type CustomerNoteKind }

/**
 * A note on a customer. Manual notes are written by admin users; system notes are written by the
 * plugin's workflows when something happens to the customer. A pinned note is the customer's
 * internal description: at most one per customer, enforced by a partial unique index.
 */
export const CustomerNote = model
  .define("customer_note", {
    id: model.id({ prefix: "cnote" }).primaryKey(),
    customer_id: model.text(),
    body: model.text().searchable(),
    kind: model.enum([...CUSTOMER_NOTE_KINDS]).default("manual"),
    author_id: model.text().nullable(),
    pinned: model.boolean().default(false),
    /** On system notes: what happened as a key and values (`SystemNoteEvent`), rendered in the reader's language. */
    event: model.json().nullable(),
    emails: model.hasMany(() => CustomerNoteEmail, { mappedBy: "note" }),
  })
  .indexes([
    { on: ["customer_id", "created_at"] },
    {
      name: "IDX_customer_note_one_pinned_per_customer",
      on: ["customer_id"],
      unique: true,
      where: "pinned = true AND deleted_at IS NULL",
    },
  ])
  .cascades({ delete: ["emails"] })
