import { model } from "@medusajs/framework/utils"

export const SEGMENT_MANUAL_MEMBERS = ["keep", "remove"] as const

/**
 * A saved filter of the CRM list, optionally synced into a native customer group (so Medusa's
 * promotions and price lists can target it). `filter` is the list's filter as JSON.
 */
export const CustomerSegment = model
  .define("customer_segment", {
    id: model.id({ prefix: "cseg" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    filter: model.json(),
    /** The native customer group the segment syncs into; null: not synced. */
    group_id: model.text().nullable(),
    /** keep: group members the sync did not add stay; remove: the group holds exactly the segment. */
    manual_members: model.enum([...SEGMENT_MANUAL_MEMBERS]).default("keep"),
    created_by: model.text().nullable(),
    /** Set when an event may have changed who matches: the next sync pass takes it. */
    dirty_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_customer_segment_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" },
    {
      name: "IDX_customer_segment_group_unique",
      on: ["group_id"],
      unique: true,
      where: "group_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
