import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * The read models: set-based SQL over the tables of several modules (Medusa's customer, order and
 * promotion modules and the plugin's own), which Medusa keeps in one database unless a module is
 * given a database of its own (the insight module refuses to start then). Module services touch
 * only their own tables; whatever reads across modules lives in this folder.
 */

/** A row as Postgres returns it. */
export type SqlRow = Record<string, unknown>

/** What runs a statement: Medusa's shared connection (knex) or a transaction on it. */
export type SqlConnection = {
  raw: (sql: string, bindings: unknown[]) => PromiseLike<{ rows: SqlRow[] }>
}

/** A container to resolve the shared connection from, or a connection (a transaction) itself. */
export type SqlSource = MedusaContainer | SqlConnection

/** A statement with its values bound in order, for `raw`. */
export type BoundSql = { sql: string; bindings: unknown[] }

/** `:name` not inside a `::type` cast. */
const NAMED_PARAMETER = /(?<!:):([a-z_][a-z0-9_]*)/gi

/**
 * Binds named values: every `:name` becomes a `?` placeholder and its value a binding, so one
 * value can be used several times without counting positions. Arrays stay one value (a Postgres
 * array: use `= any(:ids)`). Values are never written into the statement. A name without a value,
 * or a bare `?`, is a mistake in the statement and throws.
 */
export function bindSql(sql: string, values: Record<string, unknown>): BoundSql {
  if (sql.includes("?")) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Read-model statements use :name parameters, not ?")
  }
  const bindings: unknown[] = []
  const text = sql.replace(NAMED_PARAMETER, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `No value for :${name}`)
    }
    bindings.push(values[name] === undefined ? null : values[name])
    return "?"
  })
  return { sql: text, bindings }
}

/** The connection behind a source: a container's shared connection, or the connection given. */
export function sqlConnection(source: SqlSource): SqlConnection {
  if (typeof (source as SqlConnection).raw === "function") {
    return source as SqlConnection
  }
  return (source as MedusaContainer).resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as SqlConnection
}

/** Runs a statement with named values and returns its rows. */
export async function selectRows(source: SqlSource, sql: string, values: Record<string, unknown> = {}): Promise<SqlRow[]> {
  const bound = bindSql(sql, values)
  const { rows } = await sqlConnection(source).raw(bound.sql, bound.bindings)
  return rows
}
