import { model } from "@medusajs/framework/utils"

export const SEGMENT_SYNC_STATUSES = ["running", "succeeded", "failed"] as const
export const SEGMENT_SYNC_TRIGGERS = ["schedule", "event", "manual", "created"] as const

/** One sync of a segment into its group: what the segment page shows as the last sync. */
export const CustomerSegmentSync = model
  .define("customer_segment_sync", {
    id: model.id({ prefix: "csegs" }).primaryKey(),
    segment_id: model.text(),
    status: model.enum([...SEGMENT_SYNC_STATUSES]).default("running"),
    trigger: model.enum([...SEGMENT_SYNC_TRIGGERS]),
    added: model.number().default(0),
    removed: model.number().default(0),
    members: model.number().default(0),
    error: model.text().nullable(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["segment_id", "started_at"] }])
