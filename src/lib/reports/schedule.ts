import { MedusaError } from "@medusajs/framework/utils"
import type { ReportSchedule } from "../../types/http/customer-list"

/**
 * When a report is due: daily, weekly (on `weekday`, 0 = Sunday) or monthly (on `day_of_month`,
 * 1..28) at `time` ("HH:MM") on the wall clock of an IANA time zone. Computed with `Intl`, so a
 * report at 09:00 in Europe/Amsterdam runs at 09:00 local time in summer and in winter. On the day
 * the clocks go forward, a time that does not exist (02:30) runs at the same distance after the
 * gap (03:30); on the day they go back, a time that occurs twice runs at its first occurrence.
 */

export const DEFAULT_REPORT_TIMEZONE = "UTC"

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Amsterdam", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone)
    return true
  } catch {
    return false
  }
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall clock in `timeZone` at `at`. */
export function wallClock(at: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)])
  )
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second }
}

/** The zone's offset from UTC at `at`, in milliseconds (Amsterdam in summer: +2 h). */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(new Date(at), timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(at / 1000) * 1000
}

/** The instant a wall-clock time in `timeZone` happens (see the gap and overlap rules above). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const local = Date.UTC(year, month - 1, day, hour, minute)
  // The offsets a few hours either side of it: equal except near a change of the clocks.
  const before = offsetAt(local - 12 * 3600_000, timeZone)
  const after = offsetAt(local + 12 * 3600_000, timeZone)
  // The earlier offset first: in an overlap that gives the first occurrence.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = local - offset
    if (offsetAt(candidate, timeZone) === offset) {
      return new Date(candidate)
    }
  }
  // In a gap neither offset gives the time back: keep the distance from the gap's start.
  return new Date(local - before)
}

/** "HH:MM" as hours and minutes. */
export function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  if (!match) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid report time "${time}": use HH:MM (24 hours)`)
  }
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

/**
 * The first time the schedule is due strictly after `after` (default now). Walks the zone's
 * calendar days from the day `after` falls on: at most 62 days for a monthly schedule.
 */
export function nextRunAt(schedule: ReportSchedule, after: Date = new Date()): Date {
  const timeZone = schedule.timezone || DEFAULT_REPORT_TIMEZONE
  const { hour, minute } = parseTime(schedule.time)
  const today = wallClock(after, timeZone)
  // A calendar day walked in UTC (only the date matters), starting the day before to be safe.
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day - 1))
  for (let i = 0; i < 64; i++, day.setUTCDate(day.getUTCDate() + 1)) {
    if (schedule.frequency === "weekly" && day.getUTCDay() !== (schedule.weekday ?? 1)) {
      continue
    }
    if (schedule.frequency === "monthly" && day.getUTCDate() !== (schedule.day_of_month ?? 1)) {
      continue
    }
    const at = zonedTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute, timeZone)
    if (at.getTime() > after.getTime()) {
      return at
    }
  }
  throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `No run found for the schedule ${JSON.stringify(schedule)}`)
}

/** A due time as the file name pattern's `{date}` (YYYY-MM-DD) and `{time}` (HHmm), in the report's zone. */
export function dueStamp(at: Date, timeZone: string = DEFAULT_REPORT_TIMEZONE): { date: string; time: string } {
  const w = wallClock(at, timeZone)
  const pad = (n: number, size = 2) => String(n).padStart(size, "0")
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}${pad(w.minute)}` }
}
