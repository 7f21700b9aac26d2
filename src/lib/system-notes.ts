import type { SystemNoteEvent, SystemNoteKey, SystemNoteValue } from "../types/http/notes"

/**
 * What a system note records, as data the admin renders in the reader's language (keys in
 * `SYSTEM_NOTE_KEYS`, value conventions on `SystemNoteValue`).
 *
 * @example
 * noteEvent("tag_added_expiring", { tag: "staff", expires_at: isoDay(expiresAt) })
 */
export const noteEvent = (key: SystemNoteKey, values: Record<string, SystemNoteValue> = {}): SystemNoteEvent => ({
  key,
  values,
})

/** A date as the calendar day (UTC) a note names: `2027-06-30`; null for none ("never"). */
export const isoDay = (date: Date | string | null | undefined) =>
  date ? new Date(date).toISOString().slice(0, 10) : null
