import { readFileSync } from "node:fs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import {
  anonymizeWithHandlers,
  deleteWithHandlers,
  inCustomerDataTransaction,
  removeReleasedFiles,
  type Person,
} from "./customer-data"
import { personOfRecords } from "./customer-data/person"
import { logErasures } from "../modules/privacy/erasure-log"
import { selectRows, type SqlSource } from "./queries/sql"

/**
 * The erasure log (`privacy_erasure`, ids only) outside the database, and erasures applied again
 * after a backup is restored: a backup taken before a customer was anonymized or deleted brings
 * their data back, and does not hold the log entry that says so. The log is therefore exported
 * (`export-erasures`) to storage kept apart from the database backups, and re-applied from that
 * file (`reapply-erasures`) after every restore.
 */

/** One line of an exported erasure log: ids and when, nothing personal. */
export type ErasureLogEntry = {
  customer_id: string
  kind: "anonymized" | "deleted"
  /** The privacy request that carried it out: the records of one request are one person. */
  request_id: string | null
  erased_at: string
}

/** The erasure log as the database holds it, oldest first. */
export async function readErasureLog(source: SqlSource): Promise<ErasureLogEntry[]> {
  const rows = await selectRows(
    source,
    `SELECT customer_id, kind, request_id, erased_at FROM privacy_erasure
     WHERE deleted_at IS NULL ORDER BY erased_at, id`
  )
  return rows.map((r) => ({
    customer_id: r.customer_id as string,
    kind: r.kind as ErasureLogEntry["kind"],
    request_id: (r.request_id as string | null) ?? null,
    erased_at: new Date(r.erased_at as string).toISOString(),
  }))
}

/** The log as NDJSON: one entry a line. */
export function formatErasureLog(entries: ErasureLogEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join("\n") + (entries.length ? "\n" : "")
}

/**
 * Reads an exported log: NDJSON (one entry a line) or a JSON array. Lines that are not an entry
 * with a customer id and a known kind are refused with their line number.
 */
export function parseErasureLog(text: string): ErasureLogEntry[] {
  const trimmed = text.trim()
  const items: unknown[] = trimmed.startsWith("[")
    ? JSON.parse(trimmed)
    : trimmed
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => {
          try {
            return JSON.parse(line)
          } catch {
            throw new MedusaError(MedusaError.Types.INVALID_DATA, `Erasure log line ${i + 1} is not JSON`)
          }
        })
  return items.map((item, i) => {
    const e = item as Partial<ErasureLogEntry>
    if (!e || typeof e.customer_id !== "string" || !e.customer_id || (e.kind !== "anonymized" && e.kind !== "deleted")) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Erasure log entry ${i + 1} has no customer_id or an unknown kind`)
    }
    return {
      customer_id: e.customer_id,
      kind: e.kind,
      request_id: typeof e.request_id === "string" ? e.request_id : null,
      erased_at: typeof e.erased_at === "string" ? e.erased_at : new Date(0).toISOString(),
    }
  })
}

/** Reads an exported log file. */
export function readErasureLogFile(path: string): ErasureLogEntry[] {
  return parseErasureLog(readFileSync(path, "utf8"))
}

/**
 * The entries of several logs as one: one entry per customer id, a deletion winning over an
 * anonymization (a record anonymized, then deleted, is deleted).
 */
export function joinErasureLogs(...logs: ErasureLogEntry[][]): ErasureLogEntry[] {
  const byId = new Map<string, ErasureLogEntry>()
  for (const entry of logs.flat()) {
    const known = byId.get(entry.customer_id)
    if (!known || (known.kind === "anonymized" && entry.kind === "deleted")) {
      byId.set(entry.customer_id, entry)
    }
  }
  return [...byId.values()]
}

export type ReapplyProgress = { done: number; total: number }

export type ReapplyResult = {
  /** People anonymized again (one transaction each), and their records. */
  anonymized_people: number
  anonymized_records: number
  /** Records deleted again. */
  deleted_records: number
  /** Log entries added to the database's log (the restored database did not have them). */
  logged: number
}

/**
 * Applies every erasure of the log again, through the customer-data registry: the records of each
 * anonymized person (grouped by their privacy request) are anonymized in one transaction, deleted
 * records are deleted again (every handler, the host app's too), and the entries the database's
 * log lacks are written back, so the records stay hidden and their tokens refused. Running it
 * again changes nothing: the handlers' anonymize and delete are idempotent.
 */
export async function reapplyErasures(
  container: MedusaContainer,
  entries: ErasureLogEntry[],
  onProgress?: (progress: ReapplyProgress) => void
): Promise<ReapplyResult> {
  const log = joinErasureLogs(entries)
  const groups = new Map<string, ErasureLogEntry[]>()
  for (const entry of log) {
    const key = `${entry.kind}:${entry.request_id ?? entry.customer_id}`
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  const result: ReapplyResult = { anonymized_people: 0, anonymized_records: 0, deleted_records: 0, logged: 0 }
  let done = 0
  onProgress?.({ done, total: groups.size })
  for (const group of groups.values()) {
    const ids = group.map((e) => e.customer_id)
    const effects = await inCustomerDataTransaction(container, async (ctx) => {
      const applied =
        group[0].kind === "anonymized"
          ? await anonymizeWithHandlers(ctx, await personOfRecords(ctx.sql, ids))
          : await deleteWithHandlers(ctx, ids)
      // The restored database's log lacks the entries made after the backup: write them back.
      const missing = await selectRows(
        ctx.sql,
        `SELECT id FROM unnest(:ids::text[]) AS i(id)
         WHERE NOT EXISTS (SELECT 1 FROM privacy_erasure e WHERE e.customer_id = i.id AND e.deleted_at IS NULL)`,
        { ids }
      )
      await logErasures(ctx.sql, missing.map((r) => r.id as string), group[0].kind, group[0].request_id)
      result.logged += missing.length
      return applied
    })
    await removeReleasedFiles(container, effects.file_ids)
    if (group[0].kind === "anonymized") {
      result.anonymized_people += 1
      result.anonymized_records += ids.length
    } else {
      result.deleted_records += ids.length
    }
    onProgress?.({ done: ++done, total: groups.size })
  }
  return result
}
