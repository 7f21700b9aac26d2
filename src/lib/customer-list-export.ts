import { createWriteStream } from "node:fs"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Readable, Transform, type Writable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { stringify } from "csv-stringify/sync"
import type {
  CustomerExportFormat,
  CustomerListColumn,
  CustomerListFilter,
} from "../types/http/customer-list"
import { columnsSelectSql, customerListSql, defaultCurrency } from "./queries/customer-list"
import { bindSql, type SqlRow } from "./queries/sql"

/**
 * Exports of the CRM list (the admin's exports and scheduled reports): the customers a filter
 * selects, with the chosen columns, as CSV or JSON Lines. Rows come from a server-side cursor in
 * one read-only transaction (a consistent snapshot), `EXPORT_BATCH_SIZE` at a time, and are
 * written as the destination takes them: memory stays flat however many customers there are.
 *
 * CSV: UTF-8 with a byte order mark (so spreadsheets read accents), a header row of column names,
 * quoting by csv-stringify (commas, quotes, line breaks). Cells: lists joined with "; " (tags as
 * `key` or `key:value`, memberships as plan names, consents as handles, stores and groups as
 * names), dates ISO 8601 UTC, money as plain decimals, booleans `true`/`false`, empty for none.
 * JSON Lines: one object per customer with the column keys; lists as arrays (as the list route
 * returns them), numbers as numbers.
 */

export type ListFileInput = { filter: CustomerListFilter; columns: CustomerListColumn[]; format: CustomerExportFormat }

export type ListProgress = (processed: number, total: number) => Promise<void> | void

/** Rows fetched from the cursor at a time (and the progress step). */
export const EXPORT_BATCH_SIZE = 1000

/** The file's MIME type per format. */
export const EXPORT_MIME_TYPES: Record<CustomerExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
}

const MONEY_COLUMNS = new Set<CustomerListColumn>(["lifetime_value", "sales", "average_order_value"])
const NUMBER_COLUMNS = new Set<CustomerListColumn>(["order_count", "days_since_last_order", "loyalty_balance"])
const DATE_COLUMNS = new Set<CustomerListColumn>(["created_at", "first_order_at", "last_order_at"])

type Named = { id?: string; name?: string | null }
type TagCell = { key: string; value: string | null }
type MembershipCell = { plan_name?: string | null; plan_id?: string }

/** A decimal as Postgres returns it ("150.5000"), without trailing zeros; averages to 2 decimals. */
function plainDecimal(value: unknown, column: CustomerListColumn): string {
  let text = typeof value === "number" ? String(value) : String(value).trim()
  if (column === "average_order_value") {
    text = Number(text).toFixed(2)
  }
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text
}

const iso = (value: unknown) => (value instanceof Date ? value : new Date(value as string)).toISOString()

/** One cell of a CSV row, per the format above. */
export function csvCell(column: CustomerListColumn, value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  if (DATE_COLUMNS.has(column)) {
    return iso(value)
  }
  if (MONEY_COLUMNS.has(column)) {
    return plainDecimal(value, column)
  }
  switch (column) {
    case "tags":
      return (value as TagCell[]).map((t) => (t.value === null || t.value === "" ? t.key : `${t.key}:${t.value}`)).join("; ")
    case "memberships":
      return (value as MembershipCell[]).map((m) => m.plan_name ?? m.plan_id ?? "").join("; ")
    case "consents":
      return (value as string[]).join("; ")
    case "stores":
    case "groups":
      return (value as Named[]).map((s) => s.name ?? s.id ?? "").join("; ")
    default:
      return typeof value === "boolean" ? (value ? "true" : "false") : String(value)
  }
}

/** One value of a JSON Lines object: lists as arrays, numbers as numbers, dates ISO 8601. */
export function jsonValue(column: CustomerListColumn, value: unknown): unknown {
  if (value === null || value === undefined) {
    return null
  }
  if (DATE_COLUMNS.has(column)) {
    return iso(value)
  }
  if (MONEY_COLUMNS.has(column)) {
    return Number(plainDecimal(value, column))
  }
  if (NUMBER_COLUMNS.has(column)) {
    return Number(value)
  }
  return value
}

/** A batch of rows as text: CSV (the first batch with the BOM and header) or JSON Lines. */
function formatBatch(rows: SqlRow[], columns: CustomerListColumn[], format: CustomerExportFormat, first: boolean): string {
  if (format === "jsonl") {
    let text = ""
    for (const row of rows) {
      const object: Record<string, unknown> = {}
      for (const column of columns) {
        object[column] = jsonValue(column, row[column])
      }
      text += `${JSON.stringify(object)}\n`
    }
    return text
  }
  return stringify(
    rows.map((row) => columns.map((column) => csvCell(column, row[column]))),
    { bom: first, header: first, columns: columns as string[], record_delimiter: "unix" }
  )
}

/** The knex instance Medusa shares (its `transaction` gives one connection for the cursor). */
type Knex = {
  transaction: <T>(fn: (trx: { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: SqlRow[] }> }) => Promise<T>) => Promise<T>
}

/**
 * Streams the rows (server-side cursor, batches) as CSV (BOM, header) or JSON Lines into `out`,
 * which is ended when the last row is written (and destroyed on failure). `onProgress` is called
 * after each batch with the rows written so far and the total the snapshot holds. Resolves with
 * the rows written and the bytes.
 */
export async function streamCustomerList(
  container: MedusaContainer,
  input: ListFileInput,
  out: NodeJS.WritableStream,
  onProgress?: ListProgress
): Promise<{ rows: number; size_bytes: number }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const columns = input.columns.length ? [...input.columns] : ["id" as CustomerListColumn]
  let rows = 0
  let size_bytes = 0

  await knex.transaction(async (trx) => {
    // One snapshot for the count and every batch: the total and the file agree.
    await trx.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    // The whole cursor is read: plan for all rows (as a plain SELECT would), not for the first
    // tenth (Postgres' default for cursors, which picks slow nested loops over a full result).
    await trx.raw("SET LOCAL cursor_tuple_fraction = 1.0")
    const currency = input.filter.currency_code ?? (await defaultCurrency(trx))
    const { from, where, values } = customerListSql(input.filter, currency)
    const count = bindSql(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, values)
    const total = Number((await trx.raw(count.sql, count.bindings)).rows[0]?.n ?? 0)
    const declare = bindSql(
      `DECLARE crm_list_export NO SCROLL CURSOR FOR
       SELECT ${columnsSelectSql(columns)}
       FROM ${from} WHERE ${where}
       ORDER BY c.created_at, c.id`,
      values
    )
    await trx.raw(declare.sql, declare.bindings)

    async function* batches() {
      let first = true
      while (true) {
        const { rows: batch } = await trx.raw(`FETCH ${EXPORT_BATCH_SIZE} FROM crm_list_export`)
        if (!batch.length && !first) {
          break
        }
        const text = formatBatch(batch, columns, input.format, first)
        if (text) {
          yield text
        }
        first = false
        rows += batch.length
        await onProgress?.(rows, Math.max(total, rows))
        if (batch.length < EXPORT_BATCH_SIZE) {
          break
        }
      }
    }
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size_bytes += chunk.length
        done(null, chunk)
      },
    })
    // Readable.from pulls the next batch only when the destination has taken the last one.
    await pipeline(Readable.from(batches(), { highWaterMark: 1 }), counter, out as Writable)
    await trx.raw("CLOSE crm_list_export")
  })
  return { rows, size_bytes }
}

/** Whether a file provider left `getUploadStream` out (Medusa's base class throws then). */
const unsupportedUploadStream = (e: unknown) =>
  e instanceof TypeError || /getUploadStream must be overridden|not implemented|not supported/i.test((e as Error)?.message ?? "")

/**
 * The same into Medusa's file module (private access) under `filename` (no folder, no personal
 * data: `customers-<export id>.csv`); returns the file id. Streams through the provider's
 * `getUploadStream` (Medusa's local and S3 providers have it); a provider without it gets the
 * file from a temporary file on disk through `createFiles` instead (the file's size in memory
 * once, at the end). A failed export leaves no file behind.
 */
export async function writeCustomerListFile(
  container: MedusaContainer,
  input: ListFileInput & { filename: string },
  onProgress?: ListProgress
): Promise<{ file_id: string; rows: number; size_bytes: number }> {
  const files: IFileModuleService = container.resolve(Modules.FILE)
  const mimeType = EXPORT_MIME_TYPES[input.format]
  let upload: Awaited<ReturnType<IFileModuleService["getUploadStream"]>> | null = null
  try {
    upload = await files.getUploadStream({ filename: input.filename, mimeType, access: "private" })
  } catch (e) {
    if (!unsupportedUploadStream(e)) {
      throw e
    }
  }

  if (upload) {
    const stored = upload
    // A rejection before the stream is done is handled below, not left unhandled.
    const uploaded = stored.promise.then(
      (r) => ({ ok: true as const, key: r.key }),
      (error: unknown) => ({ ok: false as const, error })
    )
    try {
      const written = await streamCustomerList(container, input, stored.writeStream, onProgress)
      const result = await uploaded
      if (!result.ok) {
        throw result.error
      }
      return { file_id: result.key || stored.fileKey, ...written }
    } catch (e) {
      await files.deleteFiles([stored.fileKey]).catch(() => undefined)
      throw e
    }
  }

  const dir = await mkdtemp(join(tmpdir(), "crm-export-"))
  try {
    const path = join(dir, "export")
    const written = await streamCustomerList(container, input, createWriteStream(path), onProgress)
    const content = (await readFile(path)).toString("base64")
    const file = await files.createFiles({ filename: input.filename, mimeType, content, access: "private" })
    return { file_id: file.id, ...written }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
