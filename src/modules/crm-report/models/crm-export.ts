import { model } from "@medusajs/framework/utils"

export const CRM_EXPORT_FORMATS = ["csv", "jsonl"] as const
export const CRM_EXPORT_STATUSES = ["pending", "running", "done", "failed", "expired"] as const
export const CRM_EXPORT_SOURCES = ["filter", "selection", "segment"] as const

/**
 * One export of the CRM list: who exported what (filter, columns) and when. Exports of personal
 * data are a GDPR record themselves, so the row stays after its file expires.
 */
export const CrmExport = model
  .define("crm_export", {
    id: model.id({ prefix: "cexp" }).primaryKey(),
    source: model.enum([...CRM_EXPORT_SOURCES]).default("filter"),
    segment_id: model.text().nullable(),
    filter: model.json(),
    columns: model.json(),
    format: model.enum([...CRM_EXPORT_FORMATS]).default("csv"),
    status: model.enum([...CRM_EXPORT_STATUSES]).default("pending"),
    processed: model.number().default(0),
    total: model.number().default(0),
    file_id: model.text().nullable(),
    size_bytes: model.number().nullable(),
    expires_at: model.dateTime().nullable(),
    error: model.text().nullable(),
    created_by: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["created_at"] }, { on: ["status"] }])
