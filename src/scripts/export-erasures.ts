import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatErasureLog, readErasureLog } from "../lib/erasure-log"

/**
 * `npx medusa exec ./src/scripts/export-erasures.ts [file]` (in a host app:
 * `npx medusa exec ./node_modules/medusa-crm/.medusa/server/src/scripts/export-erasures.js [file]`):
 * writes the erasure log (ids of anonymized and deleted customers, ids only) as NDJSON to `file`
 * (default `erasures-<date>.ndjson`). Keep it apart from the database backups, and export it again
 * right before a restore; `reapply-erasures` reads it after the restore.
 */
export default async function exportErasures({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const file = resolve(args?.[0] || `erasures-${new Date().toISOString().slice(0, 10)}.ndjson`)
  const entries = await readErasureLog(container)
  writeFileSync(file, formatErasureLog(entries))
  logger.info(`Erasure log exported: ${entries.length} entries to ${file}`)
}
