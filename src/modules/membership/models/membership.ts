import { model } from "@medusajs/framework/utils"
import { MembershipEvent } from "./membership-event"
import { MembershipPlan } from "./membership-plan"
import { MembershipShare } from "./membership-share"

export const MEMBERSHIP_STATUSES = ["active", "expired", "cancelled"] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

export const MEMBERSHIP_SOURCES = ["admin", "purchase", "gift"] as const
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number]

/**
 * One membership of one holder. `joined_group` records that it put the holder into the plan's
 * benefit group (they were not in it already), so ending it takes them out again without touching
 * group memberships made by hand.
 */
export const Membership = model
  .define("membership", {
    id: model.id({ prefix: "mship" }).primaryKey(),
    /** Human-friendly and unique: printed on the card and typed at the door. */
    number: model.text().searchable(),
    plan: model.belongsTo(() => MembershipPlan, { mappedBy: "memberships" }),
    customer_id: model.text(),
    status: model.enum([...MEMBERSHIP_STATUSES]).default("active"),
    starts_at: model.dateTime(),
    /** Null: lifetime. */
    expires_at: model.dateTime().nullable(),
    cancel_at_period_end: model.boolean().default(false),
    cancelled_at: model.dateTime().nullable(),
    source: model.enum([...MEMBERSHIP_SOURCES]).default("admin"),
    order_id: model.text().nullable(),
    joined_group: model.boolean().default(false),
    /** A reminder was sent for this expiry date. */
    reminded_for: model.dateTime().nullable(),
    /**
     * The version of the holder's card code. It changes when the membership is given away or
     * cancelled, so a code issued before no longer checks as valid at the door.
     */
    card_version: model.number().default(1),
    shares: model.hasMany(() => MembershipShare, { mappedBy: "membership" }),
    events: model.hasMany(() => MembershipEvent, { mappedBy: "membership" }),
  })
  .cascades({ delete: ["shares", "events"] })
  .indexes([
    { name: "IDX_membership_number_unique", on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"] },
    { on: ["plan_id"] },
    { on: ["status", "expires_at"], where: "deleted_at IS NULL" },
    // The CRM list's membership filter (plan and status), read from the plan's side.
    { name: "IDX_membership_plan_status_customer", on: ["plan_id", "status", "customer_id"], where: "deleted_at IS NULL" },
  ])
