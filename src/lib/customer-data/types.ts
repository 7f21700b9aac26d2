import type { MedusaContainer } from "@medusajs/framework/types"
import type { SqlConnection } from "../queries/sql"
import type { MergeBlocker, MergeCounts } from "../../types/http/identity"

/**
 * The customer-data registry's contract. Everything that stores something about a customer (each
 * plugin module, Medusa's own modules, and a host app's modules) declares it in one handler: what
 * it holds (its `claims`, which the coverage test checks against the database catalog) and how to
 * count, list, move, hide, restore, export, anonymize and delete it. Merge, undo, delete, anonymize
 * and export loop over the registered handlers; none of them lists modules by hand.
 */

/** Who owns the data: the plugin's modules, Medusa's modules, or the host app. */
export type CustomerDataOwner = "plugin" | "medusa" | "app"

/**
 * A table the handler answers for, and its columns that hold personal data or point to a customer
 * (`customer_id`, e-mail, names, free text, JSON that may quote them). The coverage test fails when
 * a column of the catalog that references a customer is claimed by no handler.
 */
export type CustomerDataClaim = {
  table: string
  columns: string[]
  /** What the columns hold, in a few words (the README's table of personal data). */
  holds: string
}

/**
 * One person: the customer asked about and every other record of them. Anonymize and export act on
 * all of them.
 */
export type Person = {
  /** The customer asked about. */
  customer_id: string
  /**
   * Every customer record of the person, the customer first: records merged into it (deleted
   * softly, kept for an undo), and live records whose e-mail is one of the person's (guest
   * checkouts, box-office records).
   */
  customer_ids: string[]
  /** Every e-mail address of the person, lower case: the records' primary and alternate e-mails. */
  emails: string[]
  /** Every phone number of the person as stored on the records and their addresses. */
  phones: string[]
}

/**
 * What a handler works with. `sql` is the shared connection, or, in anonymize and delete, the one
 * transaction every handler's writes for the person run in (a crash leaves the person whole or
 * done). Use `selectRows(ctx.sql, …)` from `../queries/sql` for statements with `:named` values.
 */
export type CustomerDataContext = {
  container: MedusaContainer
  sql: SqlConnection
}

/** What an export includes beyond the person's own data. */
export type CustomerDataExportOptions = {
  /** Internal notes written by staff (the privacy setting `export_include_notes`). Default false. */
  include_notes?: boolean
}

/** A record as the registry lists it: no personal values, only what and whose. */
export type CustomerDataRecord = {
  /** The handler's kind of record, e.g. `note`, `tag`, `order`. */
  kind: string
  id: string
  customer_id: string
}

/** The two sides of a merge, as `planCustomerMerge` loaded them. */
export type MergeSides = {
  source: { id: string; email: string | null; first_name: string | null; last_name: string | null; company_name: string | null; has_account: boolean }
  survivor: { id: string; email: string | null; first_name: string | null; last_name: string | null; company_name: string | null; has_account: boolean }
  /** What kind of merge: an admin's merge, a guest record linked to an account, or a guest record claimed by its owner. */
  kind?: "merge" | "link" | "claim"
}

/** What stays on the merged-away record, for the preview (one list per kind). */
export type MergeStays = {
  tags?: string[]
  profile?: boolean
  description?: boolean
  shares?: number
  addresses?: number
}

/**
 * A handler's share of a merge plan. `state` is stored in the merge record under the handler's
 * name (JSON: ids, flags) and handed back to `move`, `hide` and `restore`, so an undo years of
 * releases later still finds what it moved.
 */
export type MergePart<S = unknown> = {
  state: S
  counts?: Partial<MergeCounts>
  blockers?: MergeBlocker[]
  stays?: MergeStays
}

/** What anonymize or delete leaves for after the transaction: files to remove from the file module. */
export type CustomerDataEffects = { file_ids?: string[] } | void

export interface CustomerDataHandler<S = any> {
  /** Unique; the key of the handler's state in merge records. */
  name: string
  owner: CustomerDataOwner
  claims: CustomerDataClaim[]
  /** How many records it holds about these customers (deleted-softly ones included). */
  count(ctx: CustomerDataContext, customerIds: string[]): Promise<number>
  /** Those records: kind, id and customer. */
  list(ctx: CustomerDataContext, customerIds: string[]): Promise<CustomerDataRecord[]>
  /**
   * What the person may take away (GDPR Art. 15 and 20): plain JSON, one section per kind of
   * record (e.g. `{ notes: [...] }`). Sections of all handlers are joined into one document.
   * Internal notes (written for staff) go in only with `options.include_notes`.
   */
  export(ctx: CustomerDataContext, person: Person, options?: CustomerDataExportOptions): Promise<Record<string, unknown[]>>
  /**
   * Merges: what moves from the source to the survivor, what stays behind (hidden with the
   * merged-away record) and what blocks the merge. Reads only.
   */
  planMerge?(ctx: CustomerDataContext, sides: MergeSides): Promise<MergePart<S>>
  /** Re-files the planned records from `from` to `to`; run with `forward: false` it puts them back. Returns the state to store. */
  move?(ctx: CustomerDataContext, state: S, input: { from: string; to: string; forward: boolean }): Promise<S>
  /** Deletes softly what stays on the merged-away record. */
  hide?(ctx: CustomerDataContext, state: S): Promise<void>
  /** Brings back what `hide` hid (an undo). */
  restore?(ctx: CustomerDataContext, state: S): Promise<void>
  /**
   * Removes every trace of the person from its records (GDPR Art. 17), inside `ctx.sql`, the
   * person's one transaction: personal values become null or a unique placeholder; financial facts
   * and metrics as numbers stay. Running it twice changes nothing the second time.
   */
  anonymize(ctx: CustomerDataContext, person: Person): Promise<CustomerDataEffects>
  /**
   * Removes the customers' records for good (deleted-softly ones included), inside `ctx.sql`.
   * Running it twice changes nothing the second time.
   */
  delete(ctx: CustomerDataContext, customerIds: string[]): Promise<CustomerDataEffects>
}
