import type { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import type { PrivacyRequestRow } from "../modules/privacy/service"
import { privacyRequestDueAt } from "../modules/privacy/service"
import {
  CUSTOMER_EXPORT_VERSION,
  type CustomerExportDocument,
  EXPORT_DOWNLOAD_HOURS,
  EXPORT_REQUESTS_PER_DAY,
  type StoreCustomerExport,
} from "../types/http/privacy"
import { exportWithHandlers, sharedConnection } from "./customer-data"
import { resolvePerson } from "./customer-data/person"
import { selectRows, type SqlSource } from "./queries/sql"

/**
 * The data export (GDPR Art. 15 and 20): one JSON document of everything the customer-data
 * registry's handlers hold about a person, described by the JSON Schema shipped in the package,
 * `schemas/customer-export.v1.schema.json`.
 */

/** The schema's `$id`, which every document names in its `$schema`. */
export const CUSTOMER_EXPORT_SCHEMA_ID = "urn:medusa-crm:schema:customer-export:v1"

/** Where the schema lies in the package (`medusa-crm/schemas/customer-export.v1.schema.json`). */
export const CUSTOMER_EXPORT_SCHEMA_FILE = "schemas/customer-export.v1.schema.json"

/** The notification template of the e-mail that tells a storefront customer their export is ready. */
export const PRIVACY_EXPORT_READY_TEMPLATE = "privacy-export-ready"

export type { CustomerExportDocument }

/**
 * Builds the export document of the person `customerId` belongs to from every registered
 * customer-data handler. Reads only. 404 (`customer_not_found`) for an unknown customer.
 */
export async function buildCustomerExport(
  container: MedusaContainer,
  customerId: string,
  options: { include_notes: boolean }
): Promise<CustomerExportDocument> {
  const sql = sharedConnection(container)
  const person = await resolvePerson(sql, customerId)
  const sections = await exportWithHandlers({ container, sql }, person, { include_notes: options.include_notes })
  // Plain JSON: dates as ISO strings, no class instances.
  return JSON.parse(
    JSON.stringify({
      $schema: CUSTOMER_EXPORT_SCHEMA_ID,
      version: CUSTOMER_EXPORT_VERSION,
      generated_at: new Date().toISOString(),
      customer_id: customerId,
      records: person.customer_ids,
      include_notes: options.include_notes,
      sections,
    })
  )
}

/** The document as the file holds it (UTF-8 JSON, indented for a person to read). */
export function serializeExport(document: CustomerExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/** The download's file name: `customer-export-<customer id>-<YYYY-MM-DD>.json` (no personal data). */
export function exportFileName(customerId: string, at: Date | string = new Date()): string {
  const day = new Date(at).toISOString().slice(0, 10)
  return `customer-export-${customerId.replace(/[^A-Za-z0-9_-]/g, "")}-${day}.json`
}

/** When a download built at `at` stops working. */
export function exportExpiresAt(at: Date = new Date()): Date {
  return new Date(at.getTime() + EXPORT_DOWNLOAD_HOURS * 60 * 60 * 1000)
}

/** A storefront export as the customer sees it. */
export function formatStoreExport(r: PrivacyRequestRow): StoreCustomerExport {
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null)
  return {
    id: r.id,
    status: r.status,
    created_at: iso(r.created_at)!,
    completed_at: iso(r.completed_at),
    expires_at: iso(r.expires_at),
    size_bytes: r.size_bytes == null ? null : Number(r.size_bytes),
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A storefront export request that was opened, or the seconds until the daily limit lets the next one through. */
export type OpenedExportRequest =
  | { refused: null; request: { id: string; created_at: Date } }
  | { refused: { retry_after: number }; request: null }

/**
 * Opens a pending export request of a storefront customer, unless they requested
 * `EXPORT_REQUESTS_PER_DAY` exports in the last 24 hours (failed ones do not count). The count and
 * the insert are one statement under the customer's advisory lock, so requests that arrive at
 * once take turns and cannot pass the limit together.
 */
export async function openStoreExportRequest(
  container: MedusaContainer,
  input: { customer_id: string; include_notes: boolean }
): Promise<OpenedExportRequest> {
  return await sharedConnection(container).transaction(async (trx) => {
    await selectRows(trx, `SELECT pg_advisory_xact_lock(hashtext(:key))`, { key: `privacy-export:${input.customer_id}` })
    const now = new Date()
    const dayAgo = new Date(now.getTime() - DAY_MS)
    const [created] = await selectRows(
      trx,
      `INSERT INTO privacy_request (id, customer_id, kind, status, source, actor_id, record_count, due_at, include_notes,
                                    created_at, updated_at)
       SELECT :id, :customer_id, 'export', 'pending', 'store', NULL, 0, :due_at, :include_notes, :now, :now
       WHERE (SELECT COUNT(*) FROM privacy_request
              WHERE customer_id = :customer_id AND kind = 'export' AND source = 'store' AND status <> 'failed'
                AND created_at > :day_ago AND deleted_at IS NULL) < :per_day
       RETURNING id, created_at`,
      {
        id: generateEntityId(undefined, "preq"),
        customer_id: input.customer_id,
        due_at: privacyRequestDueAt(now),
        include_notes: input.include_notes,
        now,
        day_ago: dayAgo,
        per_day: EXPORT_REQUESTS_PER_DAY,
      }
    )
    if (created) {
      return { refused: null, request: { id: created.id as string, created_at: new Date(created.created_at as string) } }
    }
    const [oldest] = await selectRows(
      trx,
      `SELECT MIN(created_at) AS since FROM privacy_request
       WHERE customer_id = :customer_id AND kind = 'export' AND source = 'store' AND status <> 'failed'
         AND created_at > :day_ago AND deleted_at IS NULL`,
      { customer_id: input.customer_id, day_ago: dayAgo }
    )
    const since = oldest?.since ? new Date(oldest.since as string).getTime() : now.getTime()
    return { refused: { retry_after: Math.max(1, Math.ceil((since + DAY_MS - now.getTime()) / 1000)) }, request: null }
  })
}

/** The export requests whose download expired and whose file is still there, oldest first. */
export async function expiredExportFiles(source: SqlSource, limit: number): Promise<{ id: string; file_id: string }[]> {
  const rows = await selectRows(
    source,
    `SELECT id, file_id FROM privacy_request
     WHERE kind = 'export' AND file_id IS NOT NULL AND expires_at <= now()
     ORDER BY expires_at, id LIMIT :limit`,
    { limit }
  )
  return rows.map((r) => ({ id: r.id as string, file_id: r.file_id as string }))
}
