import { model } from "@medusajs/framework/utils"
import { Membership } from "./membership"

/** A co-member of a membership; `joined_group` as on the membership. */
export const MembershipShare = model
  .define("membership_share", {
    id: model.id({ prefix: "mshare" }).primaryKey(),
    membership: model.belongsTo(() => Membership, { mappedBy: "shares" }),
    customer_id: model.text(),
    joined_group: model.boolean().default(false),
  })
  .indexes([
    {
      name: "IDX_membership_share_unique",
      on: ["membership_id", "customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["customer_id"] },
  ])
