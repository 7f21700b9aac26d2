import { model } from "@medusajs/framework/utils"
import { Membership } from "./membership"

export const MEMBERSHIP_EVENT_TYPES = [
  "created",
  "renewed",
  "expiration_edited",
  "cancel_scheduled",
  "cancelled",
  "gifted",
  "shared",
  "unshared",
  "expired",
] as const
export type MembershipEventType = (typeof MEMBERSHIP_EVENT_TYPES)[number]

export const MEMBERSHIP_ACTOR_TYPES = ["admin", "customer", "system"] as const
export type MembershipActorType = (typeof MEMBERSHIP_ACTOR_TYPES)[number]

/**
 * The history of a membership: everything that happened to it, by whom and when. A purchase keeps
 * its order line in `line_item_id`, unique, so one order line creates or renews once.
 */
export const MembershipEvent = model
  .define("membership_event", {
    id: model.id({ prefix: "mevent" }).primaryKey(),
    membership: model.belongsTo(() => Membership, { mappedBy: "events" }),
    type: model.enum([...MEMBERSHIP_EVENT_TYPES]),
    actor_type: model.enum([...MEMBERSHIP_ACTOR_TYPES]).default("system"),
    actor_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([
    { on: ["membership_id", "created_at"] },
    {
      name: "IDX_membership_event_line_item_unique",
      on: ["line_item_id"],
      unique: true,
      where: "line_item_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
