import { model } from "@medusajs/framework/utils"

/**
 * A customer set aside (no longer active, a record kept for history): hidden from the CRM's
 * default lists, restorable, and nothing is deleted. One row per archived customer; restoring
 * deletes the row.
 */
export const CustomerArchive = model
  .define("customer_archive", {
    id: model.id({ prefix: "carch" }).primaryKey(),
    customer_id: model.text(),
    archived_at: model.dateTime(),
    archived_by: model.text().nullable(),
    reason: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_customer_archive_customer_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
