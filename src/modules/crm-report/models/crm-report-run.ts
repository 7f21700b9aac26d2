import { model } from "@medusajs/framework/utils"

export const CRM_REPORT_RUN_STATUSES = ["queued", "running", "retrying", "succeeded", "failed"] as const
export const CRM_REPORT_RUN_TRIGGERS = ["schedule", "manual"] as const

/**
 * One run of a report. (report, due time) is unique: however many instances find a report due,
 * one run is written for that time. A failed delivery is retried with backoff (`next_attempt_at`).
 */
export const CrmReportRun = model
  .define("crm_report_run", {
    id: model.id({ prefix: "crrun" }).primaryKey(),
    report_id: model.text(),
    trigger: model.enum([...CRM_REPORT_RUN_TRIGGERS]),
    status: model.enum([...CRM_REPORT_RUN_STATUSES]).default("queued"),
    due_at: model.dateTime(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    rows: model.number().nullable(),
    size_bytes: model.number().nullable(),
    duration_ms: model.number().nullable(),
    file_id: model.text().nullable(),
    remote_path: model.text().nullable(),
    error: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_crm_report_run_due_unique", on: ["report_id", "due_at"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"] },
  ])
