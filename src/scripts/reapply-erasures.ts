import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { joinErasureLogs, readErasureLog, readErasureLogFile, reapplyErasures } from "../lib/erasure-log"
import { progressBar } from "./rebuild-insights"

/**
 * `npx medusa exec ./src/scripts/reapply-erasures.ts [file ...]` (in a host app:
 * `npx medusa exec ./node_modules/medusa-crm/.medusa/server/src/scripts/reapply-erasures.js [file ...]`):
 * after a database backup was restored, anonymizes and deletes again every customer the erasure
 * log names: the log in the database, joined with the exported logs given as files
 * (`export-erasures`), which also hold the erasures made after the backup was taken. Idempotent;
 * prints a progress bar and counts, no personal data.
 */
export default async function reapplyErasuresScript({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const files = (args ?? []).filter(Boolean)
  const fromDb = await readErasureLog(container)
  const fromFiles = files.flatMap((file) => readErasureLogFile(file))
  const entries = joinErasureLogs(fromDb, fromFiles)
  logger.info(
    `Re-applying ${entries.length} erasures (${fromDb.length} in the database, ${fromFiles.length} from ${files.length} file(s))`
  )
  const result = await reapplyErasures(container, entries, ({ done, total }) => {
    process.stdout.write(`\rRe-applying erasures ${progressBar(done, total)}`)
  })
  process.stdout.write("\n")
  logger.info(
    `Erasures re-applied in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${result.anonymized_people} people anonymized (${result.anonymized_records} records), ` +
      `${result.deleted_records} records deleted, ${result.logged} log entries restored`
  )
}
