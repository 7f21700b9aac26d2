import { model } from "@medusajs/framework/utils"
import { CustomerNote } from "./customer-note"

/**
 * One time a note was e-mailed to the customer: when (created_at), to which address and by whom.
 * The notification itself lives in Medusa's notification module (`notification_id`).
 */
export const CustomerNoteEmail = model
  .define("customer_note_email", {
    id: model.id({ prefix: "cnmail" }).primaryKey(),
    note: model.belongsTo(() => CustomerNote, { mappedBy: "emails" }),
    to: model.text(),
    sent_by_id: model.text().nullable(),
    notification_id: model.text().nullable(),
  })
