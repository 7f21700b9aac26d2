import { model } from "@medusajs/framework/utils"

export const REBUILD_STATUSES = ["running", "done", "failed"] as const

/** A full rebuild of the metrics: its progress, shown in the admin. */
export const InsightRebuild = model.define("insight_rebuild", {
  id: model.id({ prefix: "irb" }).primaryKey(),
  status: model.enum([...REBUILD_STATUSES]).default("running"),
  processed: model.number().default(0),
  total: model.number().default(0),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  error: model.text().nullable(),
})
