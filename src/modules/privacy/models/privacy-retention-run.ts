import { model } from "@medusajs/framework/utils"

export const PRIVACY_RETENTION_RUN_STATUSES = ["running", "completed", "failed"] as const
export type PrivacyRetentionRunStatus = (typeof PRIVACY_RETENTION_RUN_STATUSES)[number]

/**
 * One run of the retention policy (the daily job, or a dry run from the Privacy page), with its
 * counts. `cursor` is the last customer id it finished, so a run broken off by a crash is resumed
 * where it stopped. Ids and counts only.
 */
export const PrivacyRetentionRun = model
  .define("privacy_retention_run", {
    id: model.id({ prefix: "pret" }).primaryKey(),
    status: model.enum([...PRIVACY_RETENTION_RUN_STATUSES]).default("running"),
    dry_run: model.boolean().default(false),
    /** `job` (the schedule) or `admin` (started from the Privacy page). */
    trigger: model.text().default("job"),
    actor_id: model.text().nullable(),
    /** Customers whose last activity is before this are inactive. */
    cutoff: model.dateTime(),
    period_months: model.number(),
    cursor: model.text().nullable(),
    /** Inactive customers looked at. */
    candidates: model.number().default(0),
    anonymized: model.number().default(0),
    /** Kept because of an exempting consent. */
    exempt: model.number().default(0),
    /** Kept because of a legal hold, open orders, or activity of another record of the person. */
    skipped: model.number().default(0),
    failed: model.number().default(0),
    /** How many times it was resumed after a crash. */
    resumed: model.number().default(0),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["status"] }, { on: ["started_at"] }])
