/**
 * Events the plugin emits, `entity.past_tense`. Payloads carry ids only, never personal data.
 */
export const CrmEvents = {
  CUSTOMER_NOTE_CREATED: "customer_note.created",
  CUSTOMER_NOTE_UPDATED: "customer_note.updated",
  CUSTOMER_NOTE_DELETED: "customer_note.deleted",
} as const

export type CrmEventName = (typeof CrmEvents)[keyof typeof CrmEvents]
