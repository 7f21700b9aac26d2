import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PERSON_ROW_INDEX_STATEMENTS } from "../lib/person-row-indexes"

/**
 * Runs once, after every module's migrations (`medusa db:migrate`): the indexes that let the
 * customer-data handlers find a person's rows, soft-deleted ones included, without reading whole
 * tables (`src/lib/person-row-indexes.ts`).
 */
export default async function createPersonRowIndexes({ container }: { container: MedusaContainer }) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (const statement of PERSON_ROW_INDEX_STATEMENTS) {
    await pg.raw(statement)
  }
}
