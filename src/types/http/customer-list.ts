import type { CrmPaginatedResponse } from "./common"
import type { CustomerSearchHit } from "./identity"

/**
 * The CRM customer list (`GET /admin/crm/customers`), saved segments, list exports and scheduled
 * reports. One filter shape serves all four: the list's query string, a segment's saved filter, an
 * export's and a report's. In a query string it follows Medusa's conventions: ranges with operators
 * (`lifetime_value[gte]=500`, `last_order_at[lt]=2026-01-01`), repeatable lists (`tags=vip&tags=level:gold`),
 * `order=-lifetime_value`, `limit`/`offset`. As JSON (a segment's filter) the same keys hold the
 * same values, numbers as numbers.
 */

export const CustomerListErrorCodes = {
  /** Bad input (an unknown filter or column, a range whose minimum is above its maximum): the message names the field. */
  INVALID_DATA: "invalid_data",
  SEGMENT_NOT_FOUND: "segment_not_found",
  /** Another segment already has this name. */
  SEGMENT_NAME_TAKEN: "segment_name_taken",
  /** The group to sync into does not exist. */
  GROUP_NOT_FOUND: "group_not_found",
  /** Another segment already syncs into this group. */
  GROUP_ALREADY_SYNCED: "group_already_synced",
  EXPORT_NOT_FOUND: "list_export_not_found",
  /** The export has no file (yet, any more, or it failed). */
  EXPORT_NOT_READY: "list_export_not_ready",
  REPORT_NOT_FOUND: "report_not_found",
  /** The report's destination could not be reached or refused the login. */
  REPORT_CONNECTION_FAILED: "report_connection_failed",
  /** A run of this report is already queued or running. */
  REPORT_RUN_IN_PROGRESS: "report_run_in_progress",
  /** An SFTP password or key cannot be saved: no key to encrypt it with (`report_secret`) outside development. */
  REPORT_SECRET_MISSING: "report_secret_missing",
  /** The run has no file to download (another destination, not finished, or it failed). */
  REPORT_RUN_NO_FILE: "report_run_no_file",
} as const
export type CustomerListErrorCode = (typeof CustomerListErrorCodes)[keyof typeof CustomerListErrorCodes]

/** A range filter: any of the four operators; `gte`/`gt` above `lte`/`lt` is a 400. */
export type CrmRange<T> = { gt?: T; gte?: T; lt?: T; lte?: T }
export const CRM_RANGE_OPERATORS = ["gt", "gte", "lt", "lte"] as const

/** How several tags combine: the customer has any of them, all of them, or none of them. */
export const CUSTOMER_LIST_TAG_MATCHES = ["any", "all", "none"] as const
export type CustomerListTagMatch = (typeof CUSTOMER_LIST_TAG_MATCHES)[number]

export const CUSTOMER_LIST_MEMBERSHIP_STATUSES = ["active", "expired", "cancelled"] as const
export type CustomerListMembershipStatus = (typeof CUSTOMER_LIST_MEMBERSHIP_STATUSES)[number]

/** The most values one repeatable filter takes (tags, plans, purposes, channels, groups). */
export const CUSTOMER_LIST_MAX_VALUES = 50
/** The most customer ids a selection (`id=…`) takes. */
export const CUSTOMER_LIST_MAX_IDS = 1000

/**
 * The list's filters; every one given must hold (AND). Money is in the currency's main unit (as
 * Medusa's totals are: 10.5 is 10.50 EUR), for `currency_code` (default: the store's default currency).
 */
export type CustomerListFilter = {
  /** Name, primary or alternate e-mail, or phone: partial, case-insensitive. */
  q?: string
  /** Which of those `q` searches. Default `any`. */
  field?: "any" | "name" | "email" | "phone"
  /** Active (default) or archived customers. Anonymized customers are never listed. */
  status?: "active" | "archived"
  /** `online`: with an online account; `guest`: without. Default `any`. */
  account?: "any" | "online" | "guest"
  /** Selected customers only (a selection to export or act on). */
  id?: string[]
  /** Tag keys (`vip`) or key and value (`level:gold`). */
  tags?: string[]
  /** How `tags` combine. Default `any`. */
  tags_match?: CustomerListTagMatch
  /** Holds a membership of any of these plans (with `membership_status`: in that status). */
  membership_plan_id?: string[]
  /** Holds a membership in any of these statuses (default with a plan: any status). */
  membership_status?: CustomerListMembershipStatus[]
  /** Points available to spend. */
  loyalty_balance?: CrmRange<number>
  /** Money received (paid minus refunded), in `currency_code`. */
  lifetime_value?: CrmRange<number>
  /** Orders placed (not canceled). */
  order_count?: CrmRange<number>
  /** Average order total, in `currency_code`. */
  average_order_value?: CrmRange<number>
  /** ISO dates or date-times. */
  first_order_at?: CrmRange<string>
  last_order_at?: CrmRange<string>
  /** Whole days since the last order (customers without orders never match). */
  days_since_last_order?: CrmRange<number>
  /** Purpose handles the customer currently grants (all of them). */
  consents?: string[]
  /** Sales channels (stores) the customer bought in or was assigned to (any of them). */
  sales_channel_id?: string[]
  /** Native customer groups (any of them). */
  group_id?: string[]
  created_at?: CrmRange<string>
  /** The currency of the money figures and filters; default the store's default currency. */
  currency_code?: string
}

/** Columns a list page, an export and a report can hold, and the list can sort by (`SORTABLE`). */
export const CUSTOMER_LIST_COLUMNS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "company_name",
  "phone",
  "has_account",
  "created_at",
  "archived",
  "lifetime_value",
  "sales",
  "order_count",
  "average_order_value",
  "first_order_at",
  "last_order_at",
  "days_since_last_order",
  "loyalty_balance",
  "tags",
  "memberships",
  "consents",
  "stores",
  "groups",
] as const
export type CustomerListColumn = (typeof CUSTOMER_LIST_COLUMNS)[number]

export const CUSTOMER_LIST_SORTABLE = [
  "created_at",
  "email",
  "first_name",
  "last_name",
  "name",
  "lifetime_value",
  "sales",
  "order_count",
  "average_order_value",
  "first_order_at",
  "last_order_at",
  "days_since_last_order",
  "loyalty_balance",
] as const
export type CustomerListSortField = (typeof CUSTOMER_LIST_SORTABLE)[number]

/** Columns an export holds when none are chosen. */
export const CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS: CustomerListColumn[] = [
  "id",
  "email",
  "first_name",
  "last_name",
  "phone",
  "created_at",
  "lifetime_value",
  "order_count",
  "last_order_at",
  "loyalty_balance",
  "tags",
]

/** `GET /admin/crm/customers`: the filter plus paging and sorting. */
export type CustomerListParams = CustomerListFilter & {
  order?: `${"" | "-"}${CustomerListSortField}`
  limit?: number
  offset?: number
}

/** A tag as the list shows it. */
export type CustomerListTag = { key: string; value: string | null; label: string }

/** One row of the list: the person plus the CRM figures, money in `currency_code`'s main unit. */
export type CustomerListRow = CustomerSearchHit & {
  phone: string | null
  lifetime_value: number | null
  sales: number | null
  order_count: number
  average_order_value: number | null
  first_order_at: string | null
  last_order_at: string | null
  days_since_last_order: number | null
  loyalty_balance: number
  tags: CustomerListTag[]
  /** Plan names of the active memberships. */
  memberships: { id: string; plan_id: string; plan_name: string; status: CustomerListMembershipStatus }[]
  /** Handles of the purposes currently granted. */
  consents: string[]
  stores: { id: string; name: string }[]
  groups: { id: string; name: string }[]
}

export type CustomerListResponse = CrmPaginatedResponse & {
  customers: CustomerListRow[]
  /** The currency of the money columns. */
  currency_code: string
}

// ---------------------------------------------------------------------------------------------
// Segments (`/admin/crm/segments`)

/** Whether a sync leaves group members it did not add alone (`keep`) or removes everyone who does not match (`remove`). */
export const SEGMENT_MANUAL_MEMBERS = ["keep", "remove"] as const
export type SegmentManualMembers = (typeof SEGMENT_MANUAL_MEMBERS)[number]

export const SEGMENT_SYNC_STATUSES = ["running", "succeeded", "failed"] as const
export type SegmentSyncStatus = (typeof SEGMENT_SYNC_STATUSES)[number]
export const SEGMENT_SYNC_TRIGGERS = ["schedule", "event", "manual", "created"] as const
export type SegmentSyncTrigger = (typeof SEGMENT_SYNC_TRIGGERS)[number]

export type SegmentSync = {
  id: string
  segment_id: string
  status: SegmentSyncStatus
  trigger: SegmentSyncTrigger
  added: number
  removed: number
  /** Members of the group after the sync. */
  members: number
  error: string | null
  started_at: string
  finished_at: string | null
}

export type CustomerSegment = {
  id: string
  name: string
  description: string | null
  filter: CustomerListFilter
  /** The native customer group it syncs into; null: not synced. */
  group_id: string | null
  group: { id: string; name: string } | null
  manual_members: SegmentManualMembers
  /** The live count (on retrieve and list). */
  count?: number
  last_sync: SegmentSync | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export type AdminCreateSegment = {
  name: string
  description?: string | null
  filter: CustomerListFilter
  /** Sync into this existing group, or `create_group` to make one named after the segment. */
  group_id?: string | null
  create_group?: boolean
  manual_members?: SegmentManualMembers
}
export type AdminUpdateSegment = Partial<AdminCreateSegment>

export type AdminSegmentResponse = { segment: CustomerSegment }
export type AdminSegmentListResponse = CrmPaginatedResponse & { segments: CustomerSegment[] }
export type AdminSegmentSyncListResponse = CrmPaginatedResponse & { syncs: SegmentSync[] }

// ---------------------------------------------------------------------------------------------
// Exports (`/admin/crm/exports`)

export const CUSTOMER_EXPORT_FORMATS = ["csv", "jsonl"] as const
export type CustomerExportFormat = (typeof CUSTOMER_EXPORT_FORMATS)[number]
export const CUSTOMER_EXPORT_STATUSES = ["pending", "running", "done", "failed", "expired"] as const
export type CustomerExportStatus = (typeof CUSTOMER_EXPORT_STATUSES)[number]
/** What was exported: the filtered list, a selection of ids, or a segment. */
export const CUSTOMER_EXPORT_SOURCES = ["filter", "selection", "segment"] as const
export type CustomerExportSource = (typeof CUSTOMER_EXPORT_SOURCES)[number]

export type CustomerListExport = {
  id: string
  source: CustomerExportSource
  segment_id: string | null
  filter: CustomerListFilter
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  status: CustomerExportStatus
  /** Rows written so far, and the total when it started. */
  processed: number
  total: number
  size_bytes: number | null
  /** The file module's URL while it lasts (on retrieve, for a done export). */
  download_url?: string | null
  expires_at: string | null
  error: string | null
  /** The admin user who exported. */
  created_by: string | null
  created_at: string
  finished_at: string | null
}

export type AdminCreateExport = {
  format?: CustomerExportFormat
  columns?: CustomerListColumn[]
  /** One of: a filter (the list as filtered), ids (a selection), a segment. */
  filter?: CustomerListFilter
  ids?: string[]
  segment_id?: string
}
export type AdminExportResponse = { export: CustomerListExport }
export type AdminExportListResponse = CrmPaginatedResponse & { exports: CustomerListExport[] }

// ---------------------------------------------------------------------------------------------
// Scheduled reports (`/admin/crm/reports`)

export const REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number]
export const REPORT_DESTINATIONS = ["file", "email", "sftp"] as const
export type ReportDestinationType = (typeof REPORT_DESTINATIONS)[number]
export const REPORT_RUN_STATUSES = ["queued", "running", "retrying", "succeeded", "failed"] as const
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number]
export const REPORT_RUN_TRIGGERS = ["schedule", "manual"] as const
export type ReportRunTrigger = (typeof REPORT_RUN_TRIGGERS)[number]

export type ReportSchedule = {
  frequency: ReportFrequency
  /** "HH:MM", in `timezone`. */
  time: string
  /** weekly: 0 (Sunday) .. 6. */
  weekday?: number | null
  /** monthly: 1..28. */
  day_of_month?: number | null
  /** IANA time zone, default the store's (or UTC). */
  timezone?: string
}

/** Where a report goes. Secrets (password, private key) are write-only: answers say only whether one is set. */
export type ReportDestination =
  | { type: "file" }
  | { type: "email"; to: string[] }
  | {
      type: "sftp"
      host: string
      port?: number
      username: string
      /** Write-only. */
      password?: string
      /** Write-only, PEM/OpenSSH. */
      private_key?: string
      remote_dir?: string
      /** e.g. "customers-{date}.csv"; `{date}` is the due date (YYYY-MM-DD), `{time}` HHmm. */
      file_name?: string
    }

/** A destination as answered: no secrets. */
export type ReportDestinationView =
  | { type: "file" }
  | { type: "email"; to: string[] }
  | {
      type: "sftp"
      host: string
      port: number
      username: string
      has_password: boolean
      has_private_key: boolean
      remote_dir: string
      file_name: string
    }

export type ReportRun = {
  id: string
  report_id: string
  trigger: ReportRunTrigger
  status: ReportRunStatus
  /** The scheduled time this run is for (a manual run: when it was asked). */
  due_at: string
  attempts: number
  next_attempt_at: string | null
  rows: number | null
  size_bytes: number | null
  duration_ms: number | null
  /** The file kept in the file module (file destination), downloadable from the admin. */
  file_id: string | null
  remote_path: string | null
  error: string | null
  started_at: string | null
  finished_at: string | null
  created_at: string
}

export type CrmReport = {
  id: string
  name: string
  segment_id: string | null
  filter: CustomerListFilter | null
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  schedule: ReportSchedule
  destination: ReportDestinationView
  enabled: boolean
  next_run_at: string | null
  last_run: ReportRun | null
  created_by: string | null
  created_at: string
  updated_at: string
}

export type AdminCreateReport = {
  name: string
  segment_id?: string | null
  filter?: CustomerListFilter | null
  columns?: CustomerListColumn[]
  format?: CustomerExportFormat
  schedule: ReportSchedule
  destination: ReportDestination
  enabled?: boolean
}
export type AdminUpdateReport = Partial<AdminCreateReport>
export type AdminReportResponse = { report: CrmReport }
export type AdminReportListResponse = CrmPaginatedResponse & { reports: CrmReport[] }
export type AdminReportRunListResponse = CrmPaginatedResponse & { runs: ReportRun[] }
export type AdminReportRunResponse = { run: ReportRun }
/** A test of the destination: `ok: false` carries `code` `report_connection_failed` and the reason in `message`. */
export type AdminReportTestResponse = { ok: boolean; message: string; code?: CustomerListErrorCode }

// ---------------------------------------------------------------------------------------------
// Bulk tags on a selection (`POST /admin/crm/customers/tags`)

/**
 * Adds one tag to and/or removes one tag from up to `CUSTOMER_LIST_MAX_IDS` customers at once.
 * Customers that already carry the added tag keep it as it is; customers without the removed tag
 * are left alone. Unknown customers or tag keys: 404, and nothing changes.
 */
export type AdminBulkCustomerTags = {
  customer_ids: string[]
  add?: { key: string; value?: string | null }
  remove?: { key: string }
}
/** How many of the customers changed (got the tag, lost the tag, or both). */
export type AdminBulkCustomerTagsResponse = { updated: number }
