import { model } from "@medusajs/framework/utils"
import { CRM_EXPORT_FORMATS } from "./crm-export"

export const CRM_REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const
export const CRM_REPORT_DESTINATIONS = ["file", "email", "sftp"] as const

/**
 * A scheduled report of the CRM list: a segment or a filter, columns, format, a schedule in a time
 * zone and a destination. `destination` holds no secrets; `secret` is the SFTP password or private
 * key, encrypted with the plugin's report key (never returned by the API).
 */
export const CrmReport = model
  .define("crm_report", {
    id: model.id({ prefix: "crep" }).primaryKey(),
    name: model.text().searchable(),
    segment_id: model.text().nullable(),
    filter: model.json().nullable(),
    columns: model.json(),
    format: model.enum([...CRM_EXPORT_FORMATS]).default("csv"),
    frequency: model.enum([...CRM_REPORT_FREQUENCIES]),
    /** "HH:MM" in `timezone`. */
    time: model.text(),
    weekday: model.number().nullable(),
    day_of_month: model.number().nullable(),
    timezone: model.text().default("UTC"),
    destination_type: model.enum([...CRM_REPORT_DESTINATIONS]),
    destination: model.json(),
    /** Encrypted secrets of the destination (AES-256-GCM, base64), or null. */
    secret: model.text().nullable(),
    enabled: model.boolean().default(true),
    next_run_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["next_run_at"], where: "enabled = true AND deleted_at IS NULL" }])
