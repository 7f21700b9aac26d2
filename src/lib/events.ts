/**
 * Events the plugin emits, `crm.entity.past_tense`: the `crm.` prefix keeps them apart from
 * Medusa's own events (`customer.updated`) and other plugins'. Payloads carry ids only, never
 * personal data.
 */
export const CrmEvents = {
  CUSTOMER_NOTE_CREATED: "crm.customer_note.created",
  CUSTOMER_NOTE_UPDATED: "crm.customer_note.updated",
  CUSTOMER_NOTE_DELETED: "crm.customer_note.deleted",
  CUSTOMER_NOTE_EMAILED: "crm.customer_note.emailed",
  CUSTOMER_PROFILE_UPDATED: "crm.customer_profile.updated",
  CUSTOMER_TAG_ADDED: "crm.customer_tag.added",
  CUSTOMER_TAG_UPDATED: "crm.customer_tag.updated",
  CUSTOMER_TAG_REMOVED: "crm.customer_tag.removed",
  TAG_DEFINITION_CREATED: "crm.customer_tag_definition.created",
  TAG_DEFINITION_UPDATED: "crm.customer_tag_definition.updated",
  TAG_DEFINITION_DELETED: "crm.customer_tag_definition.deleted",
  LOYALTY_PROGRAM_UPDATED: "crm.loyalty_program.updated",
  LOYALTY_ACCOUNT_UPDATED: "crm.loyalty_account.updated",
  LOYALTY_POINTS_EARNED: "crm.loyalty_points.earned",
  LOYALTY_POINTS_ADJUSTED: "crm.loyalty_points.adjusted",
  LOYALTY_POINTS_REVERSED: "crm.loyalty_points.reversed",
  LOYALTY_POINTS_REDEEMED: "crm.loyalty_points.redeemed",
  LOYALTY_POINTS_RELEASED: "crm.loyalty_points.released",
  LOYALTY_POINTS_EXPIRED: "crm.loyalty_points.expired",
  LOYALTY_POINTS_EXPIRY_REMINDED: "crm.loyalty_points.expiry_reminded",
  CUSTOMER_RECEIPT_SENT: "crm.customer_receipt.sent",
  CUSTOMER_BASKET_STARTED: "crm.customer_basket.started",
  CUSTOMER_ALTERNATE_EMAIL_ADDED: "crm.customer_alternate_email.added",
  CUSTOMER_ALTERNATE_EMAIL_REMOVED: "crm.customer_alternate_email.removed",
  CUSTOMER_ARCHIVED: "crm.customer.archived",
  CUSTOMER_RESTORED: "crm.customer.restored",
  CUSTOMERS_MERGED: "crm.customer.merged",
  CUSTOMER_MERGE_UNDONE: "crm.customer.merge_undone",
  /** A customer and every record of the person were anonymized: `{ id, request_id, record_count }`. */
  CUSTOMER_ANONYMIZED: "crm.customer.anonymized",
  /** A customer and every record of the person were deleted for good: `{ id, request_id }`. */
  CUSTOMER_ERASED: "crm.customer.erased",
  /** A customer granted or withdrew a consent: `{ id: customer_id, purpose_id, granted, source, consent_id }`. */
  CUSTOMER_CONSENT_CHANGED: "crm.customer_consent.changed",
  /** A consent purpose was created, or its name, text (a new version) or archive state changed: `{ id, version }`. */
  CONSENT_PURPOSE_CREATED: "crm.consent_purpose.created",
  CONSENT_PURPOSE_UPDATED: "crm.consent_purpose.updated",
  /** A storefront customer asked for their data export: `{ id: request_id, customer_id }`; the worker builds it. */
  PRIVACY_EXPORT_REQUESTED: "crm.privacy_export.requested",
  /** An export is built and can be downloaded until `expires_at`: `{ id: request_id, customer_id, expires_at }`. */
  PRIVACY_EXPORT_READY: "crm.privacy_export.ready",
  /** A retention run finished: `{ id: run_id, dry_run, candidates, anonymized, exempt, skipped, failed }`. */
  PRIVACY_RETENTION_COMPLETED: "crm.privacy_retention.completed",
  /** A retention run was started from the admin (or a run left by a crash is to be resumed): `{ id: run_id }`; the worker carries it out. */
  PRIVACY_RETENTION_REQUESTED: "crm.privacy_retention.requested",
  CUSTOMER_CLAIM_REQUESTED: "crm.customer_identity_claim.requested",
  CUSTOMER_CLAIM_CONFIRMED: "crm.customer_identity_claim.confirmed",
  MEMBERSHIP_PLAN_CREATED: "crm.membership_plan.created",
  MEMBERSHIP_PLAN_UPDATED: "crm.membership_plan.updated",
  MEMBERSHIP_PLAN_DELETED: "crm.membership_plan.deleted",
  MEMBERSHIP_CREATED: "crm.membership.created",
  MEMBERSHIP_RENEWED: "crm.membership.renewed",
  MEMBERSHIP_EXPIRATION_EDITED: "crm.membership.expiration_edited",
  MEMBERSHIP_CANCEL_SCHEDULED: "crm.membership.cancel_scheduled",
  MEMBERSHIP_CANCELLED: "crm.membership.cancelled",
  MEMBERSHIP_EXPIRED: "crm.membership.expired",
  MEMBERSHIP_GIFTED: "crm.membership.gifted",
  MEMBERSHIP_SHARED: "crm.membership.shared",
  MEMBERSHIP_UNSHARED: "crm.membership.unshared",
  /** A segment was saved, changed or deleted: `{ id }`. */
  SEGMENT_CREATED: "crm.customer_segment.created",
  SEGMENT_UPDATED: "crm.customer_segment.updated",
  SEGMENT_DELETED: "crm.customer_segment.deleted",
  /** A segment was synced into its group: `{ id: segment_id, sync_id, added, removed, status }`. */
  SEGMENT_SYNCED: "crm.customer_segment.synced",
  /** A sync of a segment (or, without `id`, of every synced segment) was asked for: `{ id?, trigger }`; the worker runs it. */
  SEGMENT_SYNC_REQUESTED: "crm.customer_segment.sync_requested",
  /** A full rebuild of the customer metrics was started from the admin: `{ id: rebuild_id }`; the worker runs it. */
  INSIGHTS_REBUILD_REQUESTED: "crm.insights_rebuild.requested",
  /** An export of the CRM list was asked for: `{ id: export_id }`; the worker writes the file. */
  LIST_EXPORT_REQUESTED: "crm.customer_export.requested",
  /** An export's file is ready (or it failed): `{ id: export_id, status, rows }`. */
  LIST_EXPORT_COMPLETED: "crm.customer_export.completed",
  REPORT_CREATED: "crm.report.created",
  REPORT_UPDATED: "crm.report.updated",
  REPORT_DELETED: "crm.report.deleted",
  /** A report run was queued (by hand, or a retry is due): `{ id: run_id, report_id }`; the worker runs it. */
  REPORT_RUN_REQUESTED: "crm.report_run.requested",
  /** A report run finished: `{ id: run_id, report_id, status, rows }`. */
  REPORT_RUN_COMPLETED: "crm.report_run.completed",
  /** A campaign (message, offer or loyalty offer) was created, changed, ended early or deleted: `{ id }`. */
  CAMPAIGN_CREATED: "crm.customer_campaign.created",
  CAMPAIGN_UPDATED: "crm.customer_campaign.updated",
  CAMPAIGN_ENDED: "crm.customer_campaign.ended",
  CAMPAIGN_DELETED: "crm.customer_campaign.deleted",
  /** A campaign's distribution was asked for (it was created already started): `{ id }`; the worker runs it. */
  CAMPAIGN_DISTRIBUTION_REQUESTED: "crm.customer_campaign.distribution_requested",
  /** A distribution pass added entries to inboxes: `{ id: campaign_id, added, emailed }`. */
  CAMPAIGN_DISTRIBUTED: "crm.customer_campaign.distributed",
  /** A customer opened a message or offer in the storefront for the first time: `{ id: entry_id, customer_id, campaign_id }`. */
  INBOX_ENTRY_READ: "crm.customer_inbox_entry.read",
  /** Staff removed an offer from a customer's inbox: `{ id: entry_id, customer_id, campaign_id }`. */
  OFFER_REMOVED: "crm.customer_offer.removed",
  /** An order used an offer: `{ id: entry_id, customer_id, campaign_id, order_id }`. */
  OFFER_USED: "crm.customer_offer.used",
  /** A customer bought a loyalty offer with points: `{ id: reward_entry_id, offer_id: entry_id, campaign_id, customer_id, loyalty_entry_id, points }`. */
  LOYALTY_OFFER_REDEEMED: "crm.loyalty_offer.redeemed",
} as const

export type CrmEventName = (typeof CrmEvents)[keyof typeof CrmEvents]
