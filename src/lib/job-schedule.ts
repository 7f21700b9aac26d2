import { hostname } from "node:os"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** What Medusa passes a scheduled job: the due time the run is for. */
export type CrmJobContext = { scheduledFor?: Date }

/**
 * A plugin job's `config`. Test only: `MEDUSA_CRM_JOB_SCHEDULE` (a cron with seconds, e.g.
 * `"*\/5 * * * * *"`) makes every plugin job due that often, and `MEDUSA_CRM_JOB_RUNS` then stops
 * each after that many runs; both are read when the jobs load. `npm run test:workers` uses them to
 * see each job run once per due time across workers. Never set them in production.
 */
export function crmJobConfig(config: { name: string; schedule: string }) {
  const override = process.env.MEDUSA_CRM_JOB_SCHEDULE
  if (!override) {
    return config
  }
  const runs = Number(process.env.MEDUSA_CRM_JOB_RUNS)
  return {
    name: config.name,
    schedule: override,
    ...(Number.isInteger(runs) && runs > 0 ? { numberOfExecutions: runs } : {}),
  }
}

/**
 * One debug line per run (`LOG_LEVEL=debug`): the job, the due time it runs for and the instance
 * (host and pid). No personal data.
 */
export function logJobRun(container: MedusaContainer, name: string, context?: CrmJobContext) {
  const due = context?.scheduledFor ? new Date(context.scheduledFor).toISOString() : "now"
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .debug(`medusa-crm: job ${name} runs for ${due} on ${hostname()} (pid ${process.pid})`)
}
