import type { TranslateFn } from "./i18n"
import type { CustomerNote } from "./types"

const intlLocale = (locale: string) => (locale === "nl" ? "nl-NL" : "en-US")

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
  new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(value))

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
    return new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: "medium",
    }).format(new Date(value))
  }
  for (const [unit, size] of RELATIVE_UNITS) {
    if (abs >= size) {
      return rtf.format(Math.round(seconds / size), unit)
    }
  }
  return rtf.format(Math.round(seconds / 60) || -1, "minute")
}
