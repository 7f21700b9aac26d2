import { StatusBadge } from "@medusajs/ui"
import { formatWeekday } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { CrmReport, ReportDestinationView, ReportRunStatus, ReportSchedule } from "../../lib/types"

/** The schedule in words: "Daily at 07:00", "Weekly on Monday at 07:00", "Monthly on day 1 at 07:00" (time zone). */
export const scheduleInWords = (schedule: ReportSchedule, t: TranslateFn, locale: string) => {
  const zone = schedule.timezone ? ` (${schedule.timezone})` : ""
  if (schedule.frequency === "weekly") {
    const weekday = schedule.weekday ?? 1
    // The contract counts 0 (Sunday) .. 6; the formatter counts ISO 1 (Monday) .. 7.
    const day = formatWeekday(weekday === 0 ? 7 : weekday, locale, "long")
    return t("reportsPage.schedule.weekly", { day, time: schedule.time }) + zone
  }
  if (schedule.frequency === "monthly") {
    return t("reportsPage.schedule.monthly", { day: schedule.day_of_month ?? 1, time: schedule.time }) + zone
  }
  return t("reportsPage.schedule.daily", { time: schedule.time }) + zone
}

/** Where the report goes, in a few words: "File", "E-mail to a@b.c", "SFTP user@host:/dir". */
export const destinationInWords = (destination: ReportDestinationView, t: TranslateFn) => {
  if (destination.type === "email") {
    return t("reportsPage.destination.emailTo", { to: destination.to.join(", ") })
  }
  if (destination.type === "sftp") {
    return t("reportsPage.destination.sftpTo", {
      target: `${destination.username}@${destination.host}${destination.port && destination.port !== 22 ? `:${destination.port}` : ""}${destination.remote_dir ? `:${destination.remote_dir}` : ""}`,
    })
  }
  return t("reportsPage.destination.file")
}

/** The format's name as people know it. */
export const formatName = (format: CrmReport["format"], t: TranslateFn) =>
  t(`reportsPage.formats.${format}`)

const RUN_COLORS: Record<ReportRunStatus, "grey" | "blue" | "orange" | "green" | "red"> = {
  queued: "grey",
  running: "blue",
  retrying: "orange",
  succeeded: "green",
  failed: "red",
}

/** A run's status as a badge: failed red, retrying orange, succeeded green, running blue. */
export const RunStatusBadge = ({
  status,
  "data-testid": testId = "crm-report-run-status",
}: {
  status: ReportRunStatus
  "data-testid"?: string
}) => {
  const { t } = useTranslate()
  return (
    <StatusBadge color={RUN_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`reportsPage.runStatuses.${status}`)}
    </StatusBadge>
  )
}

/** A duration in milliseconds as "850 ms", "12.4 s", "3 min 5 s". */
export const formatDuration = (ms: number | null) => {
  if (ms === null || ms === undefined) {
    return "-"
  }
  if (ms < 1000) {
    return `${ms} ms`
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`
  }
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
