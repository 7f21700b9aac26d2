import { model } from "@medusajs/framework/utils"
import { CustomerTagDefinition } from "./customer-tag-definition"

/**
 * A tag on a customer: one per customer and definition. `joined_group` records that assigning it
 * put the customer into the benefit group (they were not in it already), so that removing it takes
 * them out again without touching memberships an admin made by hand.
 */
export const CustomerTag = model
  .define("customer_tag", {
    id: model.id({ prefix: "ctag" }).primaryKey(),
    customer_id: model.text(),
    definition: model.belongsTo(() => CustomerTagDefinition, {
      mappedBy: "assignments",
    }),
    value: model.text().nullable(),
    /** `admin`, `bulk`, `api` or another integration's name. */
    source: model.text().default("admin"),
    expires_at: model.dateTime().nullable(),
    /** The admin user who assigned it. */
    assigned_by: model.text().nullable(),
    joined_group: model.boolean().default(false),
  })
  .indexes([
    {
      name: "IDX_customer_tag_customer_definition_unique",
      on: ["customer_id", "definition_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["definition_id"] },
    // The CRM list's tag filter: the customers holding a tag, read from the tag's side.
    { name: "IDX_customer_tag_definition_customer", on: ["definition_id", "customer_id"], where: "deleted_at IS NULL" },
    { on: ["expires_at"], where: "expires_at IS NOT NULL AND deleted_at IS NULL" },
  ])
