/**
 * Events the plugin emits, `entity.past_tense`. Payloads carry ids only, never personal data.
 */
export const CrmEvents = {
  CUSTOMER_NOTE_CREATED: "customer_note.created",
  CUSTOMER_NOTE_UPDATED: "customer_note.updated",
  CUSTOMER_NOTE_DELETED: "customer_note.deleted",
  CUSTOMER_NOTE_EMAILED: "customer_note.emailed",
  CUSTOMER_PROFILE_UPDATED: "customer_profile.updated",
  CUSTOMER_TAG_ADDED: "customer_tag.added",
  CUSTOMER_TAG_UPDATED: "customer_tag.updated",
  CUSTOMER_TAG_REMOVED: "customer_tag.removed",
  TAG_DEFINITION_CREATED: "customer_tag_definition.created",
  TAG_DEFINITION_UPDATED: "customer_tag_definition.updated",
  TAG_DEFINITION_DELETED: "customer_tag_definition.deleted",
} as const

export type CrmEventName = (typeof CrmEvents)[keyof typeof CrmEvents]
