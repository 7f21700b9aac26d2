import type { ConfigModule, LoaderOptions } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  isSharedConnectionSymbol,
  MedusaError,
  Modules,
  ModulesSdkUtils,
} from "@medusajs/framework/utils"

/**
 * The modules whose tables the plugin's read models (`src/lib/queries`) join in one statement:
 * Medusa's customer, order and promotion modules and the plugin's identity, insight, note and tag
 * modules. Medusa keeps every module in the shared database unless it is given
 * `options.database` of its own.
 */
export const READ_MODEL_MODULES = [
  Modules.CUSTOMER,
  Modules.ORDER,
  Modules.PROMOTION,
  "customer_identity",
  "customer_insight",
  "customer_note",
  "customer_tag",
] as const

/** Where a module's tables live: server, database and schema (never the credentials). */
export type DatabaseLocation = { host: string; port: string; database: string; schema: string }

const describe = (l: DatabaseLocation) => `${l.host}:${l.port}/${l.database} (schema ${l.schema})`

const sameLocation = (a: DatabaseLocation, b: DatabaseLocation) =>
  a.host === b.host && a.port === b.port && a.database === b.database && a.schema === b.schema

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"])

/** The location a connection URL and schema name; null when the URL cannot be read. */
export function locationOf(clientUrl: string | undefined, schema: string | undefined): DatabaseLocation | null {
  if (!clientUrl) {
    return null
  }
  try {
    const url = new URL(clientUrl)
    const host = url.hostname.toLowerCase()
    return {
      host: LOCAL_HOSTS.has(host) ? "localhost" : host,
      port: url.port || "5432",
      database: decodeURIComponent(url.pathname.replace(/^\//, "")),
      schema: schema || "public",
    }
  } catch {
    return null
  }
}

export type SeparateDatabase = { module: string; location: DatabaseLocation }

/**
 * The read-model modules that the configuration gives a database other than the shared one, and
 * the shared one. A module without `options.database` uses the shared connection; so does one
 * handed the shared connection itself. Nothing is reported when the shared database cannot be
 * told from the configuration (module tests), or for a module given a connection object.
 */
export function findSeparateDatabases(
  configModule: Pick<ConfigModule, "projectConfig" | "modules"> | undefined
): { shared: DatabaseLocation; separate: SeparateDatabase[] } | null {
  const project = configModule?.projectConfig
  if (!project) {
    return null
  }
  const sharedConfig = ModulesSdkUtils.loadDatabaseConfig(
    "medusa",
    { database: { clientUrl: project.databaseUrl, schema: project.databaseSchema } },
    true
  )
  const shared = locationOf(sharedConfig.clientUrl, sharedConfig.schema)
  if (!shared) {
    return null
  }
  const separate: SeparateDatabase[] = []
  for (const name of READ_MODEL_MODULES) {
    const declaration = configModule.modules?.[name]
    const options = typeof declaration === "object" && declaration ? (declaration.options as Record<string | symbol, any>) : null
    if (!options?.database || options[isSharedConnectionSymbol] || options.database.connection) {
      continue
    }
    const own = ModulesSdkUtils.loadDatabaseConfig(name, { database: options.database }, true)
    const location = locationOf(own.clientUrl, own.schema)
    if (location && !sameLocation(location, shared)) {
      separate.push({ module: name, location })
    }
  }
  return { shared, separate }
}

/** The refusal's text: which modules sit elsewhere, and what to change. */
export function separateDatabaseMessage(shared: DatabaseLocation, separate: SeparateDatabase[]): string {
  const where = separate.map((s) => `the ${s.module} module uses ${describe(s.location)}`).join("; ")
  return (
    `medusa-crm needs its modules and Medusa's ${Modules.CUSTOMER}, ${Modules.ORDER} and ${Modules.PROMOTION} ` +
    `modules in one database: its customer search, timelines, tag usage and customer metrics read their tables ` +
    `together. The shared database is ${describe(shared)}, but ${where}. Remove \`options.database\` from ` +
    `these modules in medusa-config, or point it at the shared database.`
  )
}

type Row = Record<string, unknown>

const WHERE_AM_I = `SELECT current_database() AS database, current_schema() AS schema,
  inet_server_addr()::text AS host, inet_server_port()::text AS port`

const sameRow = (a: Row, b: Row) => ["database", "schema", "host", "port"].every((k) => (a[k] ?? null) === (b[k] ?? null))

/**
 * Refuses to start when the plugin's read models could not see all their tables in one database:
 * the configuration gives Medusa's customer, order or promotion module or one of the plugin's
 * modules a database of its own, or this module's connection reaches another database than the
 * shared one. Reads no table, so it holds on an empty database; `medusa db:migrate` loads modules
 * for their migrations only and does not run it.
 */
export default async function sharedDatabaseLoader({ container }: LoaderOptions): Promise<void> {
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE, {
    allowUnregistered: true,
  }) as ConfigModule | undefined
  const found = findSeparateDatabases(configModule)
  if (found?.separate.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, separateDatabaseMessage(found.shared, found.separate))
  }
  const manager = container.resolve(ContainerRegistrationKeys.MANAGER, { allowUnregistered: true }) as
    | { execute: (sql: string) => Promise<Row[]> }
    | undefined
  const shared = container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }) as
    | { raw: (sql: string) => Promise<{ rows: Row[] }> }
    | undefined
  if (!manager || !shared) {
    return
  }
  await assertSameDatabase(manager, shared)
}

/** Compares where the module's connection and the shared connection are connected. */
export async function assertSameDatabase(
  manager: { execute: (sql: string) => Promise<Row[]> },
  shared: { raw: (sql: string) => PromiseLike<{ rows: Row[] }> }
): Promise<void> {
  const [[mine], { rows: [theirs] }] = await Promise.all([manager.execute(WHERE_AM_I), shared.raw(WHERE_AM_I)])
  if (!sameRow(mine, theirs)) {
    const at = (r: Row) => ({
      host: String(r.host ?? "local socket"),
      port: String(r.port ?? ""),
      database: String(r.database),
      schema: String(r.schema),
    })
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      separateDatabaseMessage(at(theirs), [{ module: "customer_insight", location: at(mine) }])
    )
  }
}
