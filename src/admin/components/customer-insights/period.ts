import { formatDateRange, startOfDay, toIsoDate } from "../../lib/format"
import type { TranslateFn } from "../../lib/i18n"
import type { CustomerMetricsParams } from "../../lib/types"

export const PERIOD_PRESETS = [
  "all",
  "30d",
  "90d",
  "12m",
  "ytd",
  "custom",
] as const

export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** The period the figures are for: a preset, and the days it stands for (inclusive). */
export type Period = {
  preset: PeriodPreset
  range: CustomerMetricsParams
}

export const ALL_TIME: Period = { preset: "all", range: {} }

const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)

/**
 * The days of a preset, up to and including today: "Last 30 days" is today and the 29 days
 * before it; "Last 12 months" starts the day after the same date a year ago.
 */
export const presetRange = (
  preset: Exclude<PeriodPreset, "custom">,
  today: Date = startOfDay()
): CustomerMetricsParams => {
  const to = toIsoDate(today)
  switch (preset) {
    case "all":
      return {}
    case "30d":
      return { from: toIsoDate(addDays(today, -29)), to }
    case "90d":
      return { from: toIsoDate(addDays(today, -89)), to }
    case "12m":
      return {
        from: toIsoDate(
          new Date(
            today.getFullYear() - 1,
            today.getMonth(),
            today.getDate() + 1
          )
        ),
        to,
      }
    case "ytd":
      return { from: toIsoDate(new Date(today.getFullYear(), 0, 1)), to }
  }
}

/** What the period is called: the preset's name, or a custom period's dates. */
export const periodLabel = (period: Period, t: TranslateFn, locale: string) =>
  period.preset === "custom"
    ? formatDateRange(period.range.from, period.range.to, locale)
    : t(`insights.period.${period.preset}`)
