import { model } from "@medusajs/framework/utils"

/**
 * A customer the segment's sync put into its group. A sync removes only these when they stop
 * matching (unless the segment removes manual members too), so members added by hand stay.
 */
export const CustomerSegmentMember = model
  .define("customer_segment_member", {
    id: model.id({ prefix: "csegm" }).primaryKey(),
    segment_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([
    {
      name: "IDX_customer_segment_member_unique",
      on: ["segment_id", "customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["customer_id"] },
  ])
