import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { SqlConnection } from "../queries/sql"
import type {
  CustomerDataContext,
  CustomerDataEffects,
  CustomerDataExportOptions,
  CustomerDataHandler,
  CustomerDataOwner,
  Person,
} from "./types"

/**
 * The registry lives on `globalThis`, so a host app that imports `medusa-crm/customer-data` and the
 * plugin's own workflows see one list even if the package is loaded twice.
 */
const REGISTRY = Symbol.for("medusa-crm.customer-data-registry")

type Registry = { handlers: Map<string, CustomerDataHandler> }

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>
  if (!holder[REGISTRY]) {
    holder[REGISTRY] = { handlers: new Map() }
  }
  return holder[REGISTRY]!
}

/**
 * Registers what a module stores about customers. The plugin registers its own modules and
 * Medusa's; a host app registers its modules' handlers once at boot (e.g. from a module loader).
 * Registering a name twice replaces the first handler (a reload in development).
 *
 * @example
 * registerCustomerDataHandler({ name: "wishlist", owner: "app", claims: [...], count, list, export, anonymize, delete })
 */
export function registerCustomerDataHandler(handler: CustomerDataHandler): void {
  if (!handler?.name) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A customer-data handler needs a name")
  }
  registry().handlers.set(handler.name, handler)
}

/** Removes a handler by name (a host app's module turned off; a test's own handler). */
export function unregisterCustomerDataHandler(name: string): void {
  registry().handlers.delete(name)
}

const OWNER_ORDER: CustomerDataOwner[] = ["app", "plugin", "medusa"]

/**
 * Every registered handler: the host app's first, then the plugin's, then Medusa's (the customer
 * record itself last, so every other handler still finds the person's rows).
 */
export function customerDataHandlers(owners?: CustomerDataOwner[]): CustomerDataHandler[] {
  const all = [...registry().handlers.values()]
  return OWNER_ORDER.flatMap((owner) => all.filter((h) => h.owner === owner)).filter(
    (h) => !owners || owners.includes(h.owner)
  )
}

/** The shared connection (knex). */
export function sharedConnection(container: MedusaContainer): SqlConnection & {
  transaction: <T>(fn: (trx: SqlConnection) => Promise<T>) => Promise<T>
} {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
}

/**
 * Runs `fn` in one database transaction on the shared connection: every handler's writes for one
 * person commit together or not at all.
 */
export async function inCustomerDataTransaction<T>(
  container: MedusaContainer,
  fn: (ctx: CustomerDataContext) => Promise<T>
): Promise<T> {
  return sharedConnection(container).transaction((trx) => fn({ container, sql: trx }))
}

function mergeEffects(effects: CustomerDataEffects[]): { file_ids: string[] } {
  const file_ids = effects.flatMap((e) => (e && e.file_ids) || [])
  return { file_ids: [...new Set(file_ids)] }
}

/** Removes files the handlers released, after their transaction committed. Missing files are skipped. */
export async function removeReleasedFiles(container: MedusaContainer, fileIds: string[]): Promise<void> {
  if (!fileIds.length) {
    return
  }
  const files = container.resolve(Modules.FILE)
  await files.deleteFiles(fileIds).catch(() => undefined)
}

/**
 * Anonymizes one person through every handler, in one transaction (`ctx.sql`). Returns the files
 * to remove once it committed.
 */
export async function anonymizeWithHandlers(ctx: CustomerDataContext, person: Person) {
  const effects: CustomerDataEffects[] = []
  for (const handler of customerDataHandlers()) {
    effects.push(await handler.anonymize(ctx, person))
  }
  return mergeEffects(effects)
}

/**
 * Deletes the customers' data through the handlers of the given owners (all by default), in one
 * transaction (`ctx.sql`). Returns the files to remove once it committed.
 */
export async function deleteWithHandlers(ctx: CustomerDataContext, customerIds: string[], owners?: CustomerDataOwner[]) {
  const effects: CustomerDataEffects[] = []
  for (const handler of customerDataHandlers(owners)) {
    effects.push(await handler.delete(ctx, customerIds))
  }
  return mergeEffects(effects)
}

/** One document of everything the handlers hold about the person: their sections, joined. */
export async function exportWithHandlers(
  ctx: CustomerDataContext,
  person: Person,
  options: CustomerDataExportOptions = {}
): Promise<Record<string, unknown[]>> {
  const document: Record<string, unknown[]> = {}
  for (const handler of customerDataHandlers()) {
    for (const [section, rows] of Object.entries(await handler.export(ctx, person, options))) {
      document[section] = [...(document[section] ?? []), ...rows]
    }
  }
  return document
}

/** How many records each handler holds about the customers, by handler name. */
export async function countWithHandlers(ctx: CustomerDataContext, customerIds: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const handler of customerDataHandlers()) {
    counts[handler.name] = await handler.count(ctx, customerIds)
  }
  return counts
}
