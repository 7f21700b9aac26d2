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
  LOYALTY_PROGRAM_UPDATED: "loyalty_program.updated",
  LOYALTY_ACCOUNT_UPDATED: "loyalty_account.updated",
  LOYALTY_POINTS_EARNED: "loyalty_points.earned",
  LOYALTY_POINTS_ADJUSTED: "loyalty_points.adjusted",
  LOYALTY_POINTS_REVERSED: "loyalty_points.reversed",
  LOYALTY_POINTS_REDEEMED: "loyalty_points.redeemed",
  LOYALTY_POINTS_RELEASED: "loyalty_points.released",
  LOYALTY_POINTS_EXPIRED: "loyalty_points.expired",
  LOYALTY_POINTS_EXPIRY_REMINDED: "loyalty_points.expiry_reminded",
  CUSTOMER_RECEIPT_SENT: "customer_receipt.sent",
  CUSTOMER_BASKET_STARTED: "customer_basket.started",
  CUSTOMER_ALTERNATE_EMAIL_ADDED: "customer_alternate_email.added",
  CUSTOMER_ALTERNATE_EMAIL_REMOVED: "customer_alternate_email.removed",
  CUSTOMER_ARCHIVED: "customer.archived",
  CUSTOMER_RESTORED: "customer.restored",
  CUSTOMERS_MERGED: "customer.merged",
  CUSTOMER_MERGE_UNDONE: "customer.merge_undone",
  CUSTOMER_CLAIM_REQUESTED: "customer_identity_claim.requested",
  CUSTOMER_CLAIM_CONFIRMED: "customer_identity_claim.confirmed",
} as const

export type CrmEventName = (typeof CrmEvents)[keyof typeof CrmEvents]
