import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DUPLICATE_KEY_STATEMENTS } from "../modules/customer-identity/duplicate-keys"

/**
 * Runs once, after every module's migrations (`medusa db:migrate`): the duplicate keys' triggers
 * on the tables that did not exist yet when the identity module migrated (Medusa's `customer` in
 * some apps, the privacy module's erasure log), and a rebuild of the keys from what is stored now.
 * See `src/modules/customer-identity/duplicate-keys.ts`.
 */
export default async function createDuplicateKeys({ container }: { container: MedusaContainer }) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (const statement of DUPLICATE_KEY_STATEMENTS) {
    await pg.raw(statement)
  }
}
