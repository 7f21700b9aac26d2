import { z } from "@medusajs/framework/zod"
import { customerListColumns, CustomerListFilterSchema } from "../../../utils/customer-list-filter"
import { createListParams } from "../../../utils/validators"
import { isTimeZone } from "../../../../lib/reports/schedule"
import {
  type AdminCreateReport,
  CUSTOMER_EXPORT_FORMATS,
  REPORT_DESTINATIONS,
  REPORT_FREQUENCIES,
  REPORT_RUN_STATUSES,
} from "../../../../types/http/customer-list"

/** Staff addresses one e-mail report goes to, at most. */
export const REPORT_EMAIL_MAX_RECIPIENTS = 20
/** The longest SFTP private key accepted (an RSA 4096 key in PEM is about 3.3 kB). */
export const REPORT_PRIVATE_KEY_MAX_LENGTH = 16_000

const schedule = z
  .object({
    frequency: z.enum(REPORT_FREQUENCIES),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "schedule.time must be HH:MM (24 hours), e.g. 07:30" }),
    weekday: z.number().int().min(0).max(6).nullish(),
    day_of_month: z.number().int().min(1).max(28).nullish(),
    timezone: z
      .string()
      .trim()
      .max(100)
      .refine(isTimeZone, { message: "schedule.timezone must be an IANA time zone, e.g. Europe/Amsterdam" })
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.frequency === "weekly" && (s.weekday === undefined || s.weekday === null)) {
      ctx.addIssue({ code: "custom", path: ["weekday"], message: "schedule.weekday: a weekly report needs a weekday (0 = Sunday .. 6)" })
    }
    if (s.frequency === "monthly" && (s.day_of_month === undefined || s.day_of_month === null)) {
      ctx.addIssue({ code: "custom", path: ["day_of_month"], message: "schedule.day_of_month: a monthly report needs a day_of_month (1..28)" })
    }
  })

/** A host name or an IP address: no spaces, no scheme, no path. */
const host = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9a-fA-F:]+)$/, { message: "destination.host must be a host name or an IP address" })

const sftp = z
  .object({
    type: z.literal("sftp"),
    host,
    port: z.number().int().min(1).max(65535).optional(),
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1000).optional(),
    private_key: z
      .string()
      .max(REPORT_PRIVATE_KEY_MAX_LENGTH)
      .refine((k) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(k), { message: "destination.private_key must be a private key in PEM or OpenSSH format" })
      .optional(),
    remote_dir: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .regex(/^[A-Za-z0-9._~\/ -]+$/, { message: "destination.remote_dir may hold letters, digits, / . _ ~ - and spaces" })
      .refine((d) => !d.split("/").includes(".."), { message: "destination.remote_dir must not go up with .." })
      .optional(),
    file_name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9._{}-]+$/, { message: "destination.file_name may hold letters, digits, . _ - and {date} / {time}" })
      .refine((n) => !/[{}]/.test(n.replace(/\{date\}|\{time\}/g, "")), { message: "destination.file_name knows only {date} and {time}" })
      .refine((n) => n !== "." && n !== "..", { message: "destination.file_name must be a file name" })
      .optional(),
  })
  .strict()

/** The destination's type first (a 400 naming `destination.type`), then the fields of that type. */
export const ReportDestinationSchema = z.object({ type: z.enum(REPORT_DESTINATIONS) }).passthrough().pipe(z.discriminatedUnion("type", [
  z.object({ type: z.literal("file") }).strict(),
  z
    .object({
      type: z.literal("email"),
      to: z.array(z.string().trim().toLowerCase().email({ message: "destination.to must hold e-mail addresses" })).min(1).max(REPORT_EMAIL_MAX_RECIPIENTS),
    })
    .strict(),
  sftp,
]))

const reportShape = {
  name: z.string().trim().min(1).max(200),
  segment_id: z.string().trim().min(1).max(100).nullish(),
  filter: CustomerListFilterSchema.nullish(),
  columns: customerListColumns.optional(),
  format: z.enum(CUSTOMER_EXPORT_FORMATS).optional(),
  schedule,
  destination: ReportDestinationSchema,
  enabled: z.boolean().optional(),
}

export type AdminCreateReportType = z.infer<typeof AdminCreateReportBody>
export const AdminCreateReportBody = z
  .object(reportShape)
  .strict()
  .refine((r) => !(r.segment_id && r.filter), { message: "segment_id: give either segment_id or filter, not both", path: ["segment_id"] })
  .refine((r) => r.destination.type !== "sftp" || !!(r.destination.password || r.destination.private_key), {
    message: "destination.password: an SFTP destination needs a password or a private_key",
    path: ["destination", "password"],
  }) satisfies z.ZodType<AdminCreateReport>

export type AdminUpdateReportType = z.infer<typeof AdminUpdateReportBody>
export const AdminUpdateReportBody = z
  .object({
    name: reportShape.name.optional(),
    segment_id: reportShape.segment_id,
    filter: reportShape.filter,
    columns: reportShape.columns,
    format: reportShape.format,
    schedule: schedule.optional(),
    destination: ReportDestinationSchema.optional(),
    enabled: reportShape.enabled,
  })
  .strict()
  .refine((r) => !(r.segment_id && r.filter), { message: "segment_id: give either segment_id or filter, not both", path: ["segment_id"] })

export const AdminReportsParams = createListParams({
  orderFields: ["created_at", "name", "next_run_at"],
  defaultOrder: "-created_at",
  extra: { q: z.string().trim().max(200).optional() },
})
export type AdminReportsParamsType = z.infer<typeof AdminReportsParams>

export const AdminReportRunsParams = createListParams({
  extra: {
    status: z.enum(REPORT_RUN_STATUSES).optional(),
  },
})
export type AdminReportRunsParamsType = z.infer<typeof AdminReportRunsParams>

/** Actions without a body (`/test`, `/run`): an empty object or nothing. */
export const AdminReportActionBody = z.object({}).strict().optional()
