import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Runs a scheduled job's work on one instance at a time through the locking module. An instance
 * that finds the lock taken skips this round (returns null) and logs that it did.
 */
export async function runExclusive<T>(
  container: MedusaContainer,
  key: string,
  label: string,
  work: () => Promise<T>,
  expireSeconds = 300
): Promise<T | null> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const locking = container.resolve(Modules.LOCKING)
  let started = false
  try {
    return await locking.execute(
      key,
      async () => {
        started = true
        return await work()
      },
      { timeout: 1, expire: expireSeconds }
    )
  } catch (e) {
    if (!started && /timed-out|acquir/i.test((e as Error).message)) {
      logger.info(`medusa-crm: ${label} is running on another instance; skipped`)
      return null
    }
    throw e
  }
}
