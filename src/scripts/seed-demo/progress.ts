import type { Logger } from "@medusajs/framework/types"

/**
 * Counts finished work and logs a line at every 10% (`orders 400/2000 (20%), 12.3 s`),
 * never one line per record.
 */
export class Progress {
  private done = 0
  private lastDecile = -1
  private readonly started = Date.now()

  constructor(
    private readonly logger: Logger,
    private readonly label: string,
    private readonly total: number
  ) {
    if (total > 0) {
      this.report()
    }
  }

  tick(count = 1): void {
    this.done += count
    this.report()
  }

  private report(): void {
    const percent = this.total
      ? Math.floor((this.done / this.total) * 100)
      : 100
    const decile = Math.floor(percent / 10)
    if (decile === this.lastDecile) {
      return
    }
    this.lastDecile = decile
    const bar = "#".repeat(decile).padEnd(10, ".")
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1)
    this.logger.info(
      `${this.label} [${bar}] ${this.done}/${this.total} (${percent}%), ${seconds} s`
    )
  }
}

/**
 * Runs `task` for every item with at most `concurrency` in flight, so that one workflow's
 * database round trips overlap with another's work. The first error stops new work and is
 * rethrown once the running tasks have settled.
 */
export async function runPool<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failure: unknown = null
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]
      try {
        await task(item)
      } catch (e) {
        failure ??= e
      }
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker)
  )
  if (failure !== null) {
    throw failure
  }
}
