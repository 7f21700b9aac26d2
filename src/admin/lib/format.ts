import { format as formatWithPattern } from "date-fns"
import { enUS, nl } from "date-fns/locale"
import type { TranslateFn } from "./i18n"
import type { CustomerNote } from "./types"

const intlLocale = (locale: string) => (locale === "nl" ? "nl-NL" : "en-US")

/** The date-fns locale the dashboard formats dates with for a language (its `useDate`). */
const dateLocale = (locale: string) => (locale === "nl" ? nl : enUS)

/**
 * A date as Medusa's dashboard writes it (`PP`, `PP p` with the time): "17 sep. 2026" in Dutch,
 * "Sep 17, 2026" in English. Every date of the CRM admin goes through here.
 */
const mediumDate = (date: Date, locale: string, withTime = false) =>
  Number.isNaN(date.getTime())
    ? ""
    : formatWithPattern(date, withTime ? "PP p" : "PP", {
        locale: dateLocale(locale),
      })

/** Who wrote a note: the admin's name, else their email; "System" for system notes. */
export const noteAuthorLabel = (note: CustomerNote, t: TranslateFn) => {
  if (note.author) {
    const name = [note.author.first_name, note.author.last_name]
      .filter(Boolean)
      .join(" ")
    return name || note.author.email || t("notes.unknownAuthor")
  }
  return note.kind === "system" ? t("notes.system") : t("notes.unknownAuthor")
}

export const formatDateTime = (value: string | Date, locale: string) =>
  mediumDate(new Date(value), locale, true)

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
]

/** "3 minutes ago", "yesterday", "just now" (up to a month; then the date itself). */
export const formatRelative = (
  value: string | Date,
  locale: string,
  now: Date = new Date()
) => {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000)
  const abs = Math.abs(seconds)
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), {
    numeric: "auto",
  })
  if (abs < 45) {
    return rtf.format(0, "second")
  }
  if (abs >= 30 * 24 * 3600) {
    return mediumDate(new Date(value), locale)
  }
  for (const [unit, size] of RELATIVE_UNITS) {
    if (abs >= size) {
      return rtf.format(Math.round(seconds / size), unit)
    }
  }
  return rtf.format(Math.round(seconds / 60) || -1, "minute")
}

const pad = (value: number) => String(value).padStart(2, "0")

/** A local calendar date as `YYYY-MM-DD` (today by default), the format of the API's date fields. */
export const toIsoDate = (value: Date = new Date()) =>
  `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`

/** The start (midnight) of a date's local calendar day; today's by default. */
export const startOfDay = (value: Date = new Date()) =>
  new Date(value.getFullYear(), value.getMonth(), value.getDate())

/** `YYYY-MM-DD` as a local date at midnight (no time-zone shift), or null when it is not one. */
export const parseIsoDate = (value: string | null | undefined) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "")
  if (!match) {
    return null
  }
  const date = new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3])
  )
  return Number.isNaN(date.getTime()) ? null : date
}

/** A calendar date (`YYYY-MM-DD`) in the dashboard's language, e.g. "12 mrt. 1984" / "Mar 12, 1984". */
export const formatCalendarDate = (value: string, locale: string) => {
  const date = parseIsoDate(value)
  return date ? mediumDate(date, locale) : value
}

/** The date part of a timestamp, e.g. "12 mrt. 2025" / "Mar 12, 2025". */
export const formatDate = (value: string | Date, locale: string) =>
  mediumDate(new Date(value), locale)

/** Full years between a birth date (`YYYY-MM-DD`) and today; null when unknown or in the future. */
export const ageFromBirthDate = (
  birthDate: string | null | undefined,
  now: Date = new Date()
) => {
  const date = parseIsoDate(birthDate)
  if (!date) {
    return null
  }
  let age = now.getFullYear() - date.getFullYear()
  const beforeBirthday =
    now.getMonth() < date.getMonth() ||
    (now.getMonth() === date.getMonth() && now.getDate() < date.getDate())
  if (beforeBirthday) {
    age -= 1
  }
  return age >= 0 ? age : null
}

/** An amount in major units (as Medusa v2 returns totals) with its currency, e.g. "€ 12,50". */
export const formatAmount = (
  amount: number,
  currencyCode: string,
  locale: string
) => {
  try {
    return new Intl.NumberFormat(intlLocale(locale), {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

/** A plain number in the dashboard's language, e.g. "1,234.5". */
export const formatNumber = (value: number, locale: string) =>
  new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: 4,
  }).format(value)

/** A number of points in the dashboard's language, e.g. "1,200"; negative as "-50". */
export const formatPoints = (points: number, locale: string) =>
  new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: 0,
  }).format(points)

/** Points added or removed, always with their sign: "+120", "-50". */
export const formatSignedPoints = (points: number, locale: string) =>
  new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  }).format(points)

const regionNames = new Map<string, Intl.DisplayNames | null>()

const regionNamesFor = (locale: string) => {
  const tag = intlLocale(locale)
  if (!regionNames.has(tag)) {
    try {
      regionNames.set(tag, new Intl.DisplayNames([tag], { type: "region" }))
    } catch {
      regionNames.set(tag, null)
    }
  }
  return regionNames.get(tag) ?? null
}

/** A country's name from its ISO 3166-1 alpha-2 code in the dashboard's language; the code when unknown. */
export const countryName = (code: string, locale: string) => {
  try {
    return regionNamesFor(locale)?.of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}

/** An amount shortened for a chart's axis, e.g. "€1.2K"; whole units below a thousand. */
export const formatCompactAmount = (
  amount: number,
  currencyCode: string,
  locale: string
) => {
  try {
    return new Intl.NumberFormat(intlLocale(locale), {
      style: "currency",
      currency: currencyCode.toUpperCase(),
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(amount)
  } catch {
    return `${formatNumber(amount, locale)} ${currencyCode.toUpperCase()}`
  }
}

/** A month (`YYYY-MM`) in the dashboard's language: "Dec" (short) or "December 2025" (long). */
export const formatMonth = (
  month: string,
  locale: string,
  style: "short" | "long" | "shortYear" = "short"
) => {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  if (!match) {
    return month
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, 1)
  return new Intl.DateTimeFormat(
    intlLocale(locale),
    style === "short"
      ? { month: "short" }
      : style === "shortYear"
        ? { month: "short", year: "2-digit" }
        : { month: "long", year: "numeric" }
  ).format(date)
}

// 1 January 2024 was a Monday: weekday n (1 = Monday … 7 = Sunday) is 1 + n - 1 January 2024.
const MONDAY = new Date(2024, 0, 1)

/** An ISO weekday (1 = Monday … 7 = Sunday) in the dashboard's language: "Mon" or "Monday". */
export const formatWeekday = (
  weekday: number,
  locale: string,
  style: "short" | "long" = "short"
) =>
  new Intl.DateTimeFormat(intlLocale(locale), { weekday: style }).format(
    new Date(
      MONDAY.getFullYear(),
      MONDAY.getMonth(),
      MONDAY.getDate() + weekday - 1
    )
  )

/** Two calendar dates (`YYYY-MM-DD`) as a range, e.g. "Jan 1, 2026 – Nov 30, 2026"; either may be open. */
export const formatDateRange = (
  from: string | null | undefined,
  to: string | null | undefined,
  locale: string
) => {
  const start = parseIsoDate(from)
  const end = parseIsoDate(to)
  return [start, end]
    .map((date) => (date ? mediumDate(date, locale) : "…"))
    .join(" – ")
}
