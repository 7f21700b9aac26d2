import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EMAIL_LOOKUP_INDEX_STATEMENTS } from "../lib/email-lookup-indexes"

/**
 * Runs once, after every module's migrations (`medusa db:migrate`): the case-insensitive e-mail
 * indexes on Medusa's `customer` and `order` tables, for an app whose migrations created those
 * tables after the plugin's own migration ran.
 */
export default async function createEmailLookupIndexes({ container }: { container: MedusaContainer }) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (const statement of EMAIL_LOOKUP_INDEX_STATEMENTS) {
    await pg.raw(statement)
  }
}
