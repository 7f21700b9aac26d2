import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { logErasures } from "./erasure-log"
import { PrivacyCode } from "./models/privacy-code"
import { PrivacyErasure, type PrivacyErasureKind } from "./models/privacy-erasure"
import { PrivacyLegalHold } from "./models/privacy-legal-hold"
import type { PrivacyRequestKind, PrivacyRequestSource, PrivacyRequestStatus } from "./models/privacy-request"
import { PrivacyRequest } from "./models/privacy-request"
import { PrivacySetting } from "./models/privacy-setting"
import { PrivacyConsentPurpose } from "./models/privacy-consent-purpose"
import { PrivacyConsentText } from "./models/privacy-consent-text"
import { PrivacyConsent } from "./models/privacy-consent"
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

/**
 * Privacy: requests to anonymize or delete customers and their outcome, the erasure log (ids
 * only), legal holds, one-time codes for storefront self-anonymization, and the store's privacy
 * settings.
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
