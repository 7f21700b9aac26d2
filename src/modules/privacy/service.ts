import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { logErasures } from "./erasure-log"
import { PrivacyCode } from "./models/privacy-code"
import { PrivacyErasure, type PrivacyErasureKind } from "./models/privacy-erasure"
import { PrivacyLegalHold } from "./models/privacy-legal-hold"
import type { PrivacyRequestKind, PrivacyRequestSource, PrivacyRequestStatus } from "./models/privacy-request"
import { PrivacyRequest } from "./models/privacy-request"
import { PrivacySetting } from "./models/privacy-setting"
import { PrivacyConsentPurpose } from "./models/privacy-consent-purpose"
import { PrivacyConsentText } from "./models/privacy-consent-text"
import { PrivacyConsent, type PrivacyConsentSource } from "./models/privacy-consent"
import { PrivacyRetentionRun } from "./models/privacy-retention-run"
import { PrivacyActivity } from "./models/privacy-activity"

type Executor = { execute: (sql: string, bindings?: unknown[]) => Promise<Record<string, unknown>[]> }

/** The one settings row. */
export const PRIVACY_SETTINGS_ID = "default"

/** The store's privacy settings (see `PrivacySettings` in the HTTP types). */
export type PrivacySettingsValues = {
  staff_anonymize: boolean
  customer_self_anonymize: boolean
  staff_export: boolean
  customer_self_export: boolean
  export_include_notes: boolean
  retention_enabled: boolean
  retention_months: number
  retention_exempt_purpose_ids: string[]
}

const SETTING_COLUMNS = [
  "staff_anonymize",
  "customer_self_anonymize",
  "staff_export",
  "customer_self_export",
  "export_include_notes",
  "retention_enabled",
  "retention_months",
  "retention_exempt_purpose_ids",
] as const

/** A request as the service returns it. */
export type PrivacyRequestRow = {
  id: string
  customer_id: string
  kind: PrivacyRequestKind
  status: PrivacyRequestStatus
  source: PrivacyRequestSource
  actor_id: string | null
  refusal_code: string | null
  record_count: number
  created_at: Date
  completed_at: Date | null
  due_at: Date | null
  file_id: string | null
  expires_at: Date | null
  include_notes: boolean
  size_bytes: number | null
  downloaded_at: Date | null
}

/** When a request made at `at` must be answered: one month later (GDPR Art. 12(3)). */
export function privacyRequestDueAt(at: Date): Date {
  const due = new Date(at)
  due.setUTCMonth(due.getUTCMonth() + 1)
  return due
}

/** A legal hold as the service returns it. */
export type PrivacyLegalHoldRow = { id: string; customer_id: string; reason: string; set_by: string | null; created_at: Date }

const REQUEST_FIELDS = [
  "id",
  "customer_id",
  "kind",
  "status",
  "source",
  "actor_id",
  "refusal_code",
  "record_count",
  "created_at",
  "completed_at",
  "due_at",
  "file_id",
  "expires_at",
  "include_notes",
  "size_bytes",
  "downloaded_at",
]

// ---- Consents ----

/** A consent purpose as the service returns it, with the text of its current version. */
export type ConsentPurposeRow = {
  id: string
  handle: string
  name: string
  description: string | null
  current_version: number
  text: string
  archived_at: Date | null
  rank: number
  created_at: Date
  updated_at: Date
}

/** One version of a purpose's text. */
export type ConsentTextRow = { purpose_id: string; version: number; text: string; created_by: string | null; created_at: Date }

/** One row of the consent log. */
export type ConsentLogRow = {
  id: string
  customer_id: string
  purpose_id: string
  granted: boolean
  source: PrivacyConsentSource
  actor_id: string | null
  text_version: number
  reason: string | null
  occurred_at: Date
}

/** A grant or a withdrawal to record. `text_version` defaults to the purpose's current version. */
export type ConsentChange = {
  customer_id: string
  purpose_id: string
  granted: boolean
  source: PrivacyConsentSource
  actor_id?: string | null
  text_version?: number | null
  reason?: string | null
}

/** A purpose as it was before a change, for an undo. */
export type ConsentPurposeBefore = {
  id: string
  name: string
  description: string | null
  rank: number
  archived_at: Date | null
  current_version: number
}

const PURPOSE_COLUMNS = `p.id, p.handle, p.name, p.description, p.current_version, t.text, p.archived_at, p.rank, p.created_at, p.updated_at`
const PURPOSE_FROM = `privacy_consent_purpose p
  JOIN privacy_consent_text t ON t.purpose_id = p.id AND t.version = p.current_version AND t.deleted_at IS NULL`
const LOG_COLUMNS = `id, customer_id, purpose_id, granted, source, actor_id, text_version, reason, occurred_at`

/** The lock a customer's changes of one purpose take turns on (see `recordConsentChanges`). */
const consentLockKey = (customerId: string, purposeId: string) => `privacy-consent:${customerId}:${purposeId}`

/**
 * Privacy: consent purposes with versioned texts and the append-only consent log; the requests
 * log (exports, anonymizations, deletions, with due dates and export files); the erasure log (ids
 * only); legal holds; one-time codes for storefront self-anonymization; last-seen activity and
 * retention runs; and the store's privacy settings.
 */
class PrivacyModuleService extends MedusaService({
  PrivacyRequest,
  PrivacyErasure,
  PrivacyLegalHold,
  PrivacyCode,
  PrivacySetting,
  PrivacyConsentPurpose,
  PrivacyConsentText,
  PrivacyConsent,
  PrivacyRetentionRun,
  PrivacyActivity,
}) {
  /**
   * The store's privacy settings. The row is created with the defaults on first read, by one
   * conditional insert, so parallel first reads do not collide.
   */
  @InjectManager()
  async getPrivacySettings(@MedusaContext() sharedContext: Context = {}): Promise<PrivacySettingsValues> {
    const manager = sharedContext.manager as unknown as Executor
    // The columns' defaults are the settings' defaults.
    await manager.execute(`INSERT INTO privacy_setting (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, [PRIVACY_SETTINGS_ID])
    const [row] = await manager.execute(`SELECT ${SETTING_COLUMNS.join(", ")} FROM privacy_setting WHERE id = ?`, [
      PRIVACY_SETTINGS_ID,
    ])
    return {
      staff_anonymize: !!row.staff_anonymize,
      customer_self_anonymize: !!row.customer_self_anonymize,
      staff_export: !!row.staff_export,
      customer_self_export: !!row.customer_self_export,
      export_include_notes: !!row.export_include_notes,
      retention_enabled: !!row.retention_enabled,
      retention_months: Number(row.retention_months),
      retention_exempt_purpose_ids: (row.retention_exempt_purpose_ids as string[] | null) ?? [],
    }
  }

  /** Changes the given settings; the others stay. Returns all of them. */
  @InjectManager()
  async setPrivacySettings(
    values: Partial<PrivacySettingsValues>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PrivacySettingsValues> {
    await this.getPrivacySettings(sharedContext)
    const changes = Object.fromEntries(
      Object.entries(values).filter(([key, v]) => (SETTING_COLUMNS as readonly string[]).includes(key) && v !== undefined)
    )
    if (Object.keys(changes).length) {
      await this.updatePrivacySettings({ id: PRIVACY_SETTINGS_ID, ...changes }, sharedContext)
    }
    return await this.getPrivacySettings(sharedContext)
  }

  /** The legal hold of each of the customers that has one. */
  @InjectManager()
  async listLegalHolds(customerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<PrivacyLegalHoldRow[]> {
    if (!customerIds.length) {
      return []
    }
    return (await this.listPrivacyLegalHolds(
      { customer_id: customerIds },
      { select: ["id", "customer_id", "reason", "set_by", "created_at"], order: { created_at: "ASC" } },
      sharedContext
    )) as PrivacyLegalHoldRow[]
  }

  /**
   * Puts the customer on legal hold with `reason`, or changes the reason of the hold they are on.
   * Returns the hold as it was before (null when there was none), for an undo.
   */
  @InjectManager()
  async setLegalHold(
    customerId: string,
    reason: string,
    setBy: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PrivacyLegalHoldRow | null> {
    return await this.setLegalHold_(customerId, reason, setBy, sharedContext)
  }

  @InjectTransactionManager()
  protected async setLegalHold_(
    customerId: string,
    reason: string,
    setBy: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PrivacyLegalHoldRow | null> {
    const manager = sharedContext.transactionManager as unknown as Executor
    // One hold per customer (a unique index on the live row). The insert is one conditional
    // statement, so of two first holds set at once one inserts and the other changes its reason.
    const [inserted] = await manager.execute(
      `INSERT INTO privacy_legal_hold (id, customer_id, reason, set_by)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "phold"), customerId, reason, setBy]
    )
    if (inserted) {
      return null
    }
    // There is one: locked while its reason changes, and returned as it was for an undo.
    const [before] = await manager.execute(
      `SELECT id, customer_id, reason, set_by, created_at FROM privacy_legal_hold
       WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [customerId]
    )
    await this.updatePrivacyLegalHolds({ id: before.id as string, reason, set_by: setBy }, sharedContext)
    return before as PrivacyLegalHoldRow
  }

  /** Lifts the customer's legal hold (deletes it softly). Returns the hold that was lifted, or null. */
  @InjectManager()
  async liftLegalHold(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<PrivacyLegalHoldRow | null> {
    return await this.liftLegalHold_(customerId, sharedContext)
  }

  @InjectTransactionManager()
  protected async liftLegalHold_(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PrivacyLegalHoldRow | null> {
    const [hold] = await this.listPrivacyLegalHolds(
      { customer_id: customerId },
      { select: ["id", "customer_id", "reason", "set_by", "created_at"] },
      sharedContext
    )
    if (!hold) {
      return null
    }
    await this.softDeletePrivacyLegalHolds([hold.id], {}, sharedContext)
    return hold as PrivacyLegalHoldRow
  }

  /** Puts a hold back as it was (the undo of `setLegalHold` or `liftLegalHold`). */
  @InjectManager()
  async restoreLegalHold(
    customerId: string,
    hold: PrivacyLegalHoldRow | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.restoreLegalHold_(customerId, hold, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreLegalHold_(
    customerId: string,
    hold: PrivacyLegalHoldRow | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as unknown as Executor
    await manager.execute(
      `UPDATE privacy_legal_hold SET deleted_at = now() WHERE customer_id = ? AND deleted_at IS NULL AND id <> ?`,
      [customerId, hold?.id ?? ""]
    )
    if (hold) {
      await manager.execute(
        `UPDATE privacy_legal_hold SET deleted_at = NULL, reason = ?, set_by = ? WHERE id = ?`,
        [hold.reason, hold.set_by, hold.id]
      )
    }
  }

  /** Records a request (pending) to anonymize or delete a customer. */
  @InjectManager()
  async openPrivacyRequest(
    input: { customer_id: string; kind: PrivacyRequestKind; source: PrivacyRequestSource; actor_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PrivacyRequestRow> {
    const request = await this.createPrivacyRequests(
      {
        customer_id: input.customer_id,
        kind: input.kind,
        source: input.source,
        actor_id: input.actor_id ?? null,
        status: "pending",
        due_at: privacyRequestDueAt(new Date()),
      },
      sharedContext
    )
    return (await this.retrievePrivacyRequest(request.id, { select: REQUEST_FIELDS }, sharedContext)) as PrivacyRequestRow
  }

  /** Marks a pending request completed, covering `recordCount` customer records. */
  @InjectManager()
  async completePrivacyRequest(id: string, recordCount: number, @MedusaContext() sharedContext: Context = {}) {
    await (sharedContext.manager as unknown as Executor).execute(
      `UPDATE privacy_request SET status = 'completed', record_count = ?, completed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending'`,
      [recordCount, id]
    )
  }

  /** Marks a pending request refused, with the refusal's code. */
  @InjectManager()
  async refusePrivacyRequest(id: string, code: string, @MedusaContext() sharedContext: Context = {}) {
    await (sharedContext.manager as unknown as Executor).execute(
      `UPDATE privacy_request SET status = 'refused', refusal_code = ?, completed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending'`,
      [code, id]
    )
  }

  /** Marks a request that is still pending failed (it broke off; nothing of it was applied). */
  @InjectManager()
  async failPrivacyRequest(id: string, @MedusaContext() sharedContext: Context = {}) {
    await (sharedContext.manager as unknown as Executor).execute(
      `UPDATE privacy_request SET status = 'failed', completed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending'`,
      [id]
    )
  }

  /** The customers' requests, newest first. */
  @InjectManager()
  async listRequestsOf(customerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<PrivacyRequestRow[]> {
    if (!customerIds.length) {
      return []
    }
    return (await this.listPrivacyRequests(
      { customer_id: customerIds },
      { select: REQUEST_FIELDS, order: { created_at: "DESC", id: "DESC" }, take: null },
      sharedContext
    )) as PrivacyRequestRow[]
  }

  /**
   * Adds customers to the erasure log (ids only). A record already in it (anonymized, then
   * deleted) gets the newer kind. Outside the person's transaction; the workflows write the log
   * in it (see `logErasures`).
   */
  @InjectManager()
  async recordErasures(
    customerIds: string[],
    kind: PrivacyErasureKind,
    requestId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as unknown as Executor
    await logErasures({ raw: async (sql, bindings) => ({ rows: await manager.execute(sql, bindings as unknown[]) }) }, customerIds, kind, requestId)
  }

  /** Which of the customers are in the erasure log, with how and when. */
  @InjectManager()
  async isErased(
    customerIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, { kind: PrivacyErasureKind; erased_at: Date; request_id: string | null }>> {
    if (!customerIds.length) {
      return new Map()
    }
    const rows = await this.listPrivacyErasures(
      { customer_id: customerIds },
      { select: ["customer_id", "kind", "erased_at", "request_id"], take: null },
      sharedContext
    )
    return new Map(rows.map((r) => [r.customer_id, { kind: r.kind as PrivacyErasureKind, erased_at: r.erased_at, request_id: r.request_id }]))
  }

  // ---- Consents: purposes with versioned texts, and the append-only consent log ----

  /**
   * Purposes with the text of their current version, by rank then name. `archived`: true only
   * archived ones, false only live ones, undefined both. `ids`/`handles` narrow it down.
   */
  @InjectManager()
  async listConsentPurposesWithText(
    filter: { ids?: string[]; handles?: string[]; archived?: boolean; q?: string; offset?: number; limit?: number; order?: string } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ purposes: ConsentPurposeRow[]; count: number }> {
    const manager = sharedContext.manager as unknown as Executor
    const where = ["p.deleted_at IS NULL"]
    const bindings: unknown[] = []
    if ((filter.ids && !filter.ids.length) || (filter.handles && !filter.handles.length)) {
      return { purposes: [], count: 0 }
    }
    // The manager inlines an array value as a list of values.
    if (filter.ids) {
      where.push("p.id IN (?)")
      bindings.push(filter.ids)
    }
    if (filter.handles) {
      where.push("p.handle IN (?)")
      bindings.push(filter.handles)
    }
    if (filter.archived !== undefined) {
      where.push(filter.archived ? "p.archived_at IS NOT NULL" : "p.archived_at IS NULL")
    }
    if (filter.q) {
      where.push("(p.handle ILIKE ? OR p.name ILIKE ?)")
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      bindings.push(like, like)
    }
    // Only the columns the routes allow (`createListParams` refuses any other).
    const orderField = (filter.order ?? "rank").replace(/^-/, "")
    const direction = filter.order?.startsWith("-") ? "DESC" : "ASC"
    const column = ["rank", "name", "handle", "created_at", "updated_at"].includes(orderField) ? orderField : "rank"
    const rows = await manager.execute(
      `SELECT ${PURPOSE_COLUMNS}, count(*) OVER () AS total FROM ${PURPOSE_FROM}
       WHERE ${where.join(" AND ")}
       ORDER BY p.${column} ${direction}, p.name ASC, p.id ASC
       ${filter.limit !== undefined ? "LIMIT ? OFFSET ?" : ""}`,
      filter.limit !== undefined ? [...bindings, filter.limit, filter.offset ?? 0] : bindings
    )
    let count = rows.length ? Number(rows[0].total) : 0
    if (!rows.length && (filter.offset ?? 0) > 0) {
      const [row] = await manager.execute(`SELECT count(*) AS n FROM ${PURPOSE_FROM} WHERE ${where.join(" AND ")}`, bindings)
      count = Number(row.n)
    }
    return { purposes: rows.map(({ total, ...row }) => row as ConsentPurposeRow), count }
  }

  /** Every version of a purpose's text, newest first. */
  @InjectManager()
  async listConsentTextVersions(purposeId: string, @MedusaContext() sharedContext: Context = {}): Promise<ConsentTextRow[]> {
    const manager = sharedContext.manager as unknown as Executor
    return (await manager.execute(
      `SELECT purpose_id, version, text, created_by, created_at FROM privacy_consent_text
       WHERE purpose_id = ? AND deleted_at IS NULL ORDER BY version DESC`,
      [purposeId]
    )) as ConsentTextRow[]
  }

  /**
   * Creates a purpose with its first text (version 1). The handle is unique among purposes,
   * archived ones included (a storefront's old handle must never mean something else): the insert
   * is one conditional statement, so of two purposes created with one handle at once, one wins
   * and the other is refused with 409 `purpose_handle_taken`.
   */
  @InjectManager()
  async createConsentPurpose(
    input: { handle: string; name: string; description?: string | null; text: string; rank?: number; created_by?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsentPurposeRow> {
    const id = await this.createConsentPurpose_(input, sharedContext)
    return (await this.listConsentPurposesWithText({ ids: [id] }, sharedContext)).purposes[0]
  }

  @InjectTransactionManager()
  protected async createConsentPurpose_(
    input: { handle: string; name: string; description?: string | null; text: string; rank?: number; created_by?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const manager = sharedContext.transactionManager as unknown as Executor
    const [created] = await manager.execute(
      `INSERT INTO privacy_consent_purpose (id, handle, name, description, current_version, rank)
       VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (handle) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "ppur"), input.handle, input.name, input.description ?? null, input.rank ?? 0]
    )
    if (!created) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Another consent purpose has the handle ${input.handle}`,
        "purpose_handle_taken"
      )
    }
    await manager.execute(
      `INSERT INTO privacy_consent_text (id, purpose_id, version, text, created_by) VALUES (?, ?, 1, ?, ?)`,
      [generateEntityId(undefined, "ptxt"), created.id, input.text, input.created_by ?? null]
    )
    return created.id as string
  }

  /**
   * Changes a purpose. A `text` other than the current one adds a version (the purpose's row is
   * locked while its version number goes up, so two edits at once make two versions); grants keep
   * pointing at the version they were given for. `archived` archives it or brings it back.
   * Returns the purpose as it was (for an undo) and the version added, if any. 404 unknown purpose.
   */
  @InjectManager()
  async updateConsentPurpose(
    id: string,
    input: { name?: string; description?: string | null; text?: string; rank?: number; archived?: boolean; updated_by?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ before: ConsentPurposeBefore; added_version: number | null }> {
    return await this.updateConsentPurpose_(id, input, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateConsentPurpose_(
    id: string,
    input: { name?: string; description?: string | null; text?: string; rank?: number; archived?: boolean; updated_by?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ before: ConsentPurposeBefore; added_version: number | null }> {
    const manager = sharedContext.transactionManager as unknown as Executor
    const [before] = await manager.execute(
      `SELECT p.id, p.name, p.description, p.rank, p.archived_at, p.current_version, t.text
       FROM ${PURPOSE_FROM} WHERE p.id = ? AND p.deleted_at IS NULL FOR UPDATE OF p`,
      [id]
    )
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Consent purpose with id: ${id} was not found`, "purpose_not_found")
    }
    const newText = input.text !== undefined && input.text !== before.text
    const version = newText ? Number(before.current_version) + 1 : Number(before.current_version)
    if (newText) {
      await manager.execute(
        `INSERT INTO privacy_consent_text (id, purpose_id, version, text, created_by) VALUES (?, ?, ?, ?, ?)`,
        [generateEntityId(undefined, "ptxt"), id, version, input.text, input.updated_by ?? null]
      )
    }
    await manager.execute(
      `UPDATE privacy_consent_purpose SET
         name = COALESCE(?, name),
         description = CASE WHEN ? THEN ? ELSE description END,
         rank = COALESCE(?, rank),
         archived_at = CASE WHEN ?::boolean IS NULL THEN archived_at WHEN ?::boolean THEN COALESCE(archived_at, now()) ELSE NULL END,
         current_version = ?,
         updated_at = now()
       WHERE id = ?`,
      [
        input.name ?? null,
        input.description !== undefined,
        input.description ?? null,
        input.rank ?? null,
        input.archived ?? null,
        input.archived ?? null,
        version,
        id,
      ]
    )
    const { text: _text, ...row } = before
    return {
      before: { ...(row as Omit<ConsentPurposeBefore, "current_version">), current_version: Number(before.current_version) },
      added_version: newText ? version : null,
    }
  }

  /** Puts a purpose back as it was and removes the text version a change added (an undo). */
  @InjectManager()
  async restoreConsentPurpose(
    before: ConsentPurposeBefore,
    addedVersion: number | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.restoreConsentPurpose_(before, addedVersion, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreConsentPurpose_(
    before: ConsentPurposeBefore,
    addedVersion: number | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as unknown as Executor
    await manager.execute(
      `UPDATE privacy_consent_purpose SET name = ?, description = ?, rank = ?, archived_at = ?, current_version = ?, updated_at = now()
       WHERE id = ?`,
      [before.name, before.description, before.rank, before.archived_at, before.current_version, before.id]
    )
    if (addedVersion !== null) {
      await manager.execute(`DELETE FROM privacy_consent_text WHERE purpose_id = ? AND version = ?`, [before.id, addedVersion])
    }
  }

  /** Removes a purpose that was just created, with its text (the undo of `createConsentPurpose`). */
  @InjectManager()
  async removeNewConsentPurpose(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.manager as unknown as Executor
    await manager.execute(`DELETE FROM privacy_consent_text WHERE purpose_id = ?`, [id])
    await manager.execute(`DELETE FROM privacy_consent_purpose WHERE id = ?`, [id])
  }

  /**
   * Records grants and withdrawals in the consent log, in one transaction. A change that does not
   * change the customer's current state (a grant of a purpose they granted, a withdrawal of one
   * they withdrew) is not written again: the log holds changes only. Each change is ONE
   * conditional insert that reads the current state (the newest row) and writes only when it
   * differs, taken in turns per customer and purpose under an advisory lock, so parallel requests
   * cannot both write the same change; the log's order is the order the changes were made in.
   * The purpose must be live (not archived) and the version at most its current one; else 400.
   * Returns the rows written.
   */
  @InjectManager()
  async recordConsentChanges(changes: ConsentChange[], @MedusaContext() sharedContext: Context = {}): Promise<ConsentLogRow[]> {
    return await this.recordConsentChanges_(changes, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordConsentChanges_(
    changes: ConsentChange[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsentLogRow[]> {
    const manager = sharedContext.transactionManager as unknown as Executor
    const written: ConsentLogRow[] = []
    // Locks in one order, so two requests changing the same purposes cannot deadlock.
    const ordered = [...changes].sort((a, b) =>
      consentLockKey(a.customer_id, a.purpose_id).localeCompare(consentLockKey(b.customer_id, b.purpose_id))
    )
    for (const change of ordered) {
      await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [consentLockKey(change.customer_id, change.purpose_id)])
      const [result] = await manager.execute(
        `WITH purpose AS (
           SELECT id, current_version FROM privacy_consent_purpose
           WHERE id = ? AND deleted_at IS NULL AND archived_at IS NULL
         ),
         latest AS (
           SELECT granted FROM privacy_consent
           WHERE customer_id = ? AND purpose_id = ? AND deleted_at IS NULL
           ORDER BY occurred_at DESC, id DESC LIMIT 1
         ),
         inserted AS (
           INSERT INTO privacy_consent (id, customer_id, purpose_id, granted, source, actor_id, text_version, reason, occurred_at)
           SELECT ?, ?, p.id, ?, ?, ?, COALESCE(?::int, p.current_version), ?, clock_timestamp()
           FROM purpose p
           WHERE COALESCE(?::int, p.current_version) BETWEEN 1 AND p.current_version
             AND NOT EXISTS (SELECT 1 FROM latest WHERE latest.granted = ?)
           RETURNING ${LOG_COLUMNS}
         )
         SELECT (SELECT current_version FROM purpose) AS current_version, (SELECT row_to_json(inserted) FROM inserted) AS row`,
        [
          change.purpose_id,
          change.customer_id,
          change.purpose_id,
          generateEntityId(undefined, "pcon"),
          change.customer_id,
          change.granted,
          change.source,
          change.actor_id ?? null,
          change.text_version ?? null,
          change.reason ?? null,
          change.text_version ?? null,
          change.granted,
        ]
      )
      if (result.current_version === null) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Consent purpose ${change.purpose_id} was not found or is archived`,
          "purpose_not_found"
        )
      }
      if (change.text_version != null && change.text_version > Number(result.current_version)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `version ${change.text_version} of consent purpose ${change.purpose_id} does not exist (the current one is ${result.current_version})`,
          "invalid_data"
        )
      }
      if (result.row) {
        const row = result.row as Record<string, unknown>
        written.push({ ...(row as ConsentLogRow), occurred_at: new Date(row.occurred_at as string) })
      }
    }
    return written
  }

  /** Removes log rows just written (the undo of `recordConsentChanges`); the log is append-only otherwise. */
  @InjectManager()
  async removeConsentEntries(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) {
      return
    }
    await (sharedContext.manager as unknown as Executor).execute(`DELETE FROM privacy_consent WHERE id IN (?)`, [ids])
  }

  /** The customer's current consents: their newest log row per purpose. */
  @InjectManager()
  async listCurrentConsents(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<ConsentLogRow[]> {
    return (await (sharedContext.manager as unknown as Executor).execute(
      `SELECT DISTINCT ON (purpose_id) ${LOG_COLUMNS} FROM privacy_consent
       WHERE customer_id = ? AND deleted_at IS NULL
       ORDER BY purpose_id, occurred_at DESC, id DESC`,
      [customerId]
    )) as ConsentLogRow[]
  }

  /** The customers' consent log, newest first (at most `limit` rows). */
  @InjectManager()
  async listConsentLog(
    customerIds: string[],
    limit = 500,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConsentLogRow[]> {
    if (!customerIds.length) {
      return []
    }
    return (await (sharedContext.manager as unknown as Executor).execute(
      `SELECT ${LOG_COLUMNS} FROM privacy_consent WHERE customer_id IN (?) AND deleted_at IS NULL
       ORDER BY occurred_at DESC, id DESC LIMIT ?`,
      [customerIds, limit]
    )) as ConsentLogRow[]
  }

  // -------------------------------------------------------------------------------------------
  // Retention: last-seen activity and retention runs

  /**
   * Records that the customer was seen now, at most once an hour: one conditional upsert that
   * writes nothing when the row was touched less than an hour ago. Returns whether it wrote.
   */
  @InjectManager()
  async touchActivity(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const manager = sharedContext.manager as unknown as Executor
    const rows = await manager.execute(
      `INSERT INTO privacy_activity (id, customer_id, last_seen_at) VALUES (?, ?, now())
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL
       DO UPDATE SET last_seen_at = now(), updated_at = now()
       WHERE privacy_activity.last_seen_at < now() - interval '1 hour'
       RETURNING id`,
      [generateEntityId(undefined, "pact"), customerId]
    )
    return rows.length > 0
  }

  /**
   * Starts a retention run (`running`). A real run is refused (returns null) while another real run
   * is running: the check and the insert hold a transaction-level advisory lock, so two starts at
   * once make one run. A dry run always starts.
   */
  @InjectManager()
  async startRetentionRun(
    input: { dry_run: boolean; trigger: "job" | "admin"; actor_id?: string | null; cutoff: Date; period_months: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string } | null> {
    return await this.startRetentionRun_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async startRetentionRun_(
    input: { dry_run: boolean; trigger: "job" | "admin"; actor_id?: string | null; cutoff: Date; period_months: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string } | null> {
    const manager = sharedContext.transactionManager as unknown as Executor
    if (!input.dry_run) {
      await manager.execute(`SELECT pg_advisory_xact_lock(hashtext('medusa-crm:privacy-retention-start'))`)
      const [running] = await manager.execute(
        `SELECT id FROM privacy_retention_run WHERE status = 'running' AND dry_run = false AND deleted_at IS NULL LIMIT 1`
      )
      if (running) {
        return null
      }
    }
    const id = generateEntityId(undefined, "pret")
    await manager.execute(
      `INSERT INTO privacy_retention_run (id, status, dry_run, trigger, actor_id, cutoff, period_months, started_at)
       VALUES (?, 'running', ?, ?, ?, ?, ?, now())`,
      [id, input.dry_run, input.trigger, input.actor_id ?? null, input.cutoff, input.period_months]
    )
    return { id }
  }

  /** The real run that is running (left by a crash, or going on now), if any. */
  @InjectManager()
  async runningRetentionRun(@MedusaContext() sharedContext: Context = {}): Promise<{ id: string; updated_at: Date } | null> {
    const [row] = await (sharedContext.manager as unknown as Executor).execute(
      `SELECT id, updated_at FROM privacy_retention_run
       WHERE status = 'running' AND dry_run = false AND deleted_at IS NULL ORDER BY started_at LIMIT 1`
    )
    return (row as { id: string; updated_at: Date } | undefined) ?? null
  }

  /**
   * Adds to a running run's counts (and moves its cursor when given), in one statement, so a
   * crash keeps what was counted.
   */
  @InjectManager()
  async addRetentionCounts(
    id: string,
    counts: { candidates?: number; anonymized?: number; exempt?: number; skipped?: number; failed?: number; resumed?: number },
    cursor?: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await (sharedContext.manager as unknown as Executor).execute(
      `UPDATE privacy_retention_run SET
         candidates = candidates + ?, anonymized = anonymized + ?, exempt = exempt + ?, skipped = skipped + ?,
         failed = failed + ?, resumed = resumed + ?, cursor = COALESCE(?, cursor), updated_at = now()
       WHERE id = ? AND status = 'running'`,
      [
        counts.candidates ?? 0,
        counts.anonymized ?? 0,
        counts.exempt ?? 0,
        counts.skipped ?? 0,
        counts.failed ?? 0,
        counts.resumed ?? 0,
        cursor ?? null,
        id,
      ]
    )
  }

  /** Ends a running run: `completed`, or `failed` with the error (no personal data). */
  @InjectManager()
  async finishRetentionRun(id: string, error: string | null = null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as unknown as Executor).execute(
      `UPDATE privacy_retention_run SET status = ?, error = ?, finished_at = now(), updated_at = now()
       WHERE id = ? AND status = 'running'`,
      [error ? "failed" : "completed", error, id]
    )
  }
}

export default PrivacyModuleService
