import {
  type AdminCreateReport,
  CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS,
  type CrmReport,
  type CustomerExportFormat,
  type CustomerListColumn,
  type ReportDestination,
  type ReportDestinationType,
  type ReportFrequency,
} from "../../lib/types"

export type ReportSource = "segment" | "filter"
export type SftpAuth = "password" | "private_key"

export type ReportFormValues = {
  name: string
  source: ReportSource
  segment_id: string
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  enabled: boolean
  frequency: ReportFrequency
  time: string
  /** "0" (Sunday) .. "6", as selects hold strings. */
  weekday: string
  /** "1" .. "28". */
  day_of_month: string
  timezone: string
  destination_type: ReportDestinationType
  email_to: string
  host: string
  port: string
  username: string
  auth: SftpAuth
  /** Typed only when none is stored or the admin chose to replace it; never prefilled. */
  password: string
  private_key: string
  replace_password: boolean
  replace_private_key: boolean
  remote_dir: string
  file_name: string
}

export const DEFAULT_FILE_NAME = "customers-{date}.csv"

/** The browser's time zone, else UTC. */
export const localTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
  } catch {
    return "UTC"
  }
}

/** Every IANA time zone the browser knows (UTC first), for the schedule's select. */
export const timeZones = () => {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] })
    .supportedValuesOf
  const zones = supported ? supported("timeZone") : []
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")]
}

export const toFormValues = (report: CrmReport | null): ReportFormValues => {
  const destination = report?.destination
  const sftp = destination?.type === "sftp" ? destination : null
  return {
    name: report?.name ?? "",
    source: report && !report.segment_id && report.filter ? "filter" : "segment",
    segment_id: report?.segment_id ?? "",
    columns: report?.columns ?? [...CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS],
    format: report?.format ?? "csv",
    enabled: report?.enabled ?? true,
    frequency: report?.schedule.frequency ?? "daily",
    time: report?.schedule.time ?? "07:00",
    weekday: String(report?.schedule.weekday ?? 1),
    day_of_month: String(report?.schedule.day_of_month ?? 1),
    timezone: report?.schedule.timezone ?? localTimeZone(),
    destination_type: destination?.type ?? "file",
    email_to: destination?.type === "email" ? destination.to.join(", ") : "",
    host: sftp?.host ?? "",
    port: String(sftp?.port ?? 22),
    username: sftp?.username ?? "",
    auth: sftp?.has_private_key && !sftp.has_password ? "private_key" : "password",
    password: "",
    private_key: "",
    replace_password: false,
    replace_private_key: false,
    remote_dir: sftp?.remote_dir ?? "",
    file_name: sftp?.file_name ?? DEFAULT_FILE_NAME,
  }
}

/** The recipients typed in one field: split on commas, semicolons and white space. */
export const splitRecipients = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)

const destinationPayload = (values: ReportFormValues, report: CrmReport | null): ReportDestination => {
  if (values.destination_type === "email") {
    return { type: "email", to: splitRecipients(values.email_to) }
  }
  if (values.destination_type === "sftp") {
    const stored = report?.destination.type === "sftp" ? report.destination : null
    const destination: ReportDestination = {
      type: "sftp",
      host: values.host.trim(),
      port: Number(values.port) || 22,
      username: values.username.trim(),
      remote_dir: values.remote_dir.trim() || undefined,
      file_name: values.file_name.trim() || undefined,
    }
    // A stored secret is kept unless it is replaced: only what was typed is sent.
    if (values.auth === "password" && (!stored?.has_password || values.replace_password)) {
      destination.password = values.password
    }
    if (values.auth === "private_key" && (!stored?.has_private_key || values.replace_private_key)) {
      destination.private_key = values.private_key
    }
    return destination
  }
  return { type: "file" }
}

export const toPayload = (values: ReportFormValues, report: CrmReport | null): AdminCreateReport => ({
  name: values.name.trim(),
  ...(values.source === "segment"
    ? { segment_id: values.segment_id, filter: null }
    : { segment_id: null }),
  columns: values.columns,
  format: values.format,
  enabled: values.enabled,
  schedule: {
    frequency: values.frequency,
    time: values.time,
    weekday: values.frequency === "weekly" ? Number(values.weekday) : null,
    day_of_month: values.frequency === "monthly" ? Number(values.day_of_month) : null,
    timezone: values.timezone,
  },
  destination: destinationPayload(values, report),
})

/** Whether the form asks for a new secret (none stored, or replacing): then it must be typed. */
export const needsSecret = (values: ReportFormValues, report: CrmReport | null, which: SftpAuth) => {
  const stored = report?.destination.type === "sftp" ? report.destination : null
  if (which === "password") {
    return !stored?.has_password || values.replace_password
  }
  return !stored?.has_private_key || values.replace_private_key
}
