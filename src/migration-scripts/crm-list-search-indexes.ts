import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LIST_SEARCH_INDEX_STATEMENTS } from "../lib/list-search-indexes"

/**
 * Runs once, after every module's migrations (`medusa db:migrate`): the CRM list's trigram search
 * indexes on Medusa's `customer` table, for an app whose migrations created it after the plugin's
 * own migration ran. Skips them (search still works) where `pg_trgm` cannot be created.
 */
export default async function createListSearchIndexes({ container }: { container: MedusaContainer }) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (const statement of LIST_SEARCH_INDEX_STATEMENTS) {
    await pg.raw(statement)
  }
}
