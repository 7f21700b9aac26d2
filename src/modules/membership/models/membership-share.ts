import { model } from "@medusajs/framework/utils"
import { Membership } from "./membership"

/**
 * A co-member of a membership; `joined_group` as on the membership. `card_version` is the version
 * of the co-member's own card code: it changes when the membership is cancelled, and the code of
 * a removed co-member checks as replaced.
 */
export const MembershipShare = model
  .define("membership_share", {
    id: model.id({ prefix: "mshare" }).primaryKey(),
    membership: model.belongsTo(() => Membership, { mappedBy: "shares" }),
    customer_id: model.text(),
    joined_group: model.boolean().default(false),
    card_version: model.number().default(1),
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
