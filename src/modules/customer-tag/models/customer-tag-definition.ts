import { model } from "@medusajs/framework/utils"
import { TAG_COLORS, TAG_VALUE_MODES, type TagColor, type TagValueMode } from "../../../types/http/tags"
import { CustomerTag } from "./customer-tag"

export { TAG_COLORS, TAG_VALUE_MODES, type TagColor, type TagValueMode }

/**
 * A tag customers can carry, as a key with an optional value: a flag (`staff`), free text, or
 * one of a list of allowed values (`USER_AFFILIATION` = CUSTOMER | INVESTOR | EMPLOYEE).
 * The benefit is a native customer group: tagged customers are put into it, so Medusa's own
 * promotions and price lists that target the group apply to them.
 */
export const CustomerTagDefinition = model
  .define("customer_tag_definition", {
    id: model.id({ prefix: "ctagdef" }).primaryKey(),
    key: model.text().searchable(),
    label: model.text().searchable(),
    description: model.text().nullable(),
    color: model.enum([...TAG_COLORS]).default("grey"),
    value_mode: model.enum([...TAG_VALUE_MODES]).default("flag"),
    allowed_values: model.array().nullable(),
    customer_group_id: model.text().nullable(),
    assignments: model.hasMany(() => CustomerTag, { mappedBy: "definition" }),
  })
  .indexes([
    {
      name: "IDX_customer_tag_definition_key_unique",
      on: ["key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["customer_group_id"], where: "customer_group_id IS NOT NULL" },
  ])
  .cascades({ delete: ["assignments"] })
