import {
  formatAmount,
  formatCalendarDate,
  formatDate,
  formatPoints,
  formatSignedPoints,
} from "./format"
import { useTranslate } from "./i18n"
import {
  SYSTEM_NOTE_WORDS,
  type CustomerNote,
  type SystemNoteMoney,
  type SystemNoteValue,
} from "./types"

type Translate = ReturnType<typeof useTranslate>

const isMoney = (value: SystemNoteValue): value is SystemNoteMoney =>
  !!value &&
  typeof value === "object" &&
  !Array.isArray(value) &&
  "amount" in value &&
  "currency_code" in value

// Intl.ListFormat is ES2021; the admin's type library stops at ES2020.
const { ListFormat } = Intl as unknown as {
  ListFormat?: new (
    locale: string,
    options: { style: "long"; type: "conjunction" }
  ) => { format: (items: string[]) => string }
}

/** "a, b and c" in the reader's language. */
const listFormat = (items: string[], locale: string) =>
  ListFormat
    ? new ListFormat(locale === "nl" ? "nl-NL" : "en-US", {
        style: "long",
        type: "conjunction",
      }).format(items)
    : items.join(", ")

/** A word of `SYSTEM_NOTE_WORDS` in the reader's language; the word itself when unknown. */
const word = ({ t, has }: Translate, group: string, value: string) => {
  const key = `systemNotes.${group}.${value}`
  return has(key) ? t(key) : value
}

/** One value of a note as the reader reads it (conventions on `SystemNoteValue`). */
const formatValue = (
  translate: Translate,
  name: string,
  value: SystemNoteValue
): string => {
  const { t, has, locale } = translate
  if (name.endsWith("_at")) {
    if (value === null || value === undefined || value === "") {
      return t("systemNotes.lifetime")
    }
    const text = String(value)
    return /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? formatCalendarDate(text, locale)
      : formatDate(text, locale)
  }
  if (value === null || value === undefined) {
    return ""
  }
  if (isMoney(value)) {
    return formatAmount(Number(value.amount), value.currency_code, locale)
  }
  if (name === "display_id") {
    return String(value)
  }
  if (name === "points" && typeof value === "number") {
    return formatSignedPoints(value, locale)
  }
  if (typeof value === "number") {
    return formatPoints(value, locale)
  }
  if (name === "why" && typeof value === "string") {
    return word(translate, "why", value)
  }
  if (name === "source" && typeof value === "string") {
    return word(translate, "sources", value)
  }
  if (name === "fields" && Array.isArray(value)) {
    return listFormat(
      value.map((field) => word(translate, "fields", field)),
      locale
    )
  }
  if (name === "counts" && typeof value === "object" && !Array.isArray(value)) {
    const parts = SYSTEM_NOTE_WORDS.counts
      .filter((key) => Number(value[key] ?? 0) > 0)
      .map((key) => {
        const count = Number(value[key])
        const form = `systemNotes.counts.${key}.${count === 1 ? "one" : "other"}`
        return has(form)
          ? t(form, { count: formatPoints(count, locale) })
          : `${count} ${key}`
      })
    return parts.length
      ? listFormat(parts, locale)
      : t("systemNotes.counts.nothing")
  }
  if (Array.isArray(value)) {
    return listFormat(value.map(String), locale)
  }
  return String(value)
}

/**
 * A note's text for the reader: a system note with an `event` in the admin's language and date
 * format (`crm.systemNotes.<key>`); any other note, and system notes written before events were
 * recorded, by their body.
 */
export const systemNoteText = (note: CustomerNote, translate: Translate) => {
  const event = note.event
  if (!event) {
    return note.body
  }
  const key = `systemNotes.${event.key}`
  if (!translate.has(key)) {
    return note.body
  }
  const vars: Record<string, string> = {}
  for (const [name, value] of Object.entries(event.values ?? {})) {
    vars[name] = formatValue(translate, name, value)
  }
  // A tag as its chip reads it (the definition's label), where the note recorded one.
  if (typeof event.values?.tag_label === "string" && event.values.tag_label) {
    vars.tag = event.values.tag_label
  }
  // Dates named in the key but absent from the values ("never").
  for (const match of translate.t(key).matchAll(/\{\{\s*(\w+_at)\s*\}\}/g)) {
    vars[match[1]] ??= translate.t("systemNotes.lifetime")
  }
  return translate.t(key, vars)
}

/** The text of notes in the reader's language: `const text = useNoteText(); text(note)`. */
export const useNoteText = () => {
  const translate = useTranslate()
  return (note: CustomerNote) => systemNoteText(note, translate)
}
