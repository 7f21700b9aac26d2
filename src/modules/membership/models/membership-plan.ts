import { model } from "@medusajs/framework/utils"
import { Membership } from "./membership"

export const DURATION_UNITS = ["day", "month", "year", "lifetime"] as const
export type DurationUnit = (typeof DURATION_UNITS)[number]

/**
 * What a membership is of: a level (rank), how long one lasts, the benefit (a native customer group
 * members are in while active, so Medusa's price lists and promotions give member prices), the
 * product variant that sells it, and how many people one membership may be shared with.
 */
export const MembershipPlan = model
  .define("membership_plan", {
    id: model.id({ prefix: "mplan" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    level: model.number().default(0),
    duration_unit: model.enum([...DURATION_UNITS]),
    /** How many units one period lasts; null for lifetime. */
    duration_value: model.number().nullable(),
    customer_group_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    max_shares: model.number().default(0),
    /** The holder is e-mailed this many days before expiry; 0 = no reminder. */
    reminder_days: model.number().default(14),
    memberships: model.hasMany(() => Membership, { mappedBy: "plan" }),
  })
  .indexes([
    {
      name: "IDX_membership_plan_variant_unique",
      on: ["variant_id"],
      unique: true,
      where: "variant_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
