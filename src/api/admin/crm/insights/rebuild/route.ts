import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runRebuild, startRebuildRecord } from "../../../../../lib/insights-rebuild"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../../../../../modules/customer-insight"
import { answerRefusals } from "../../../../utils/conflict"

const format = (r: any) =>
  r && {
    id: r.id,
    status: r.status,
    processed: r.processed,
    total: r.total,
    started_at: r.started_at,
    finished_at: r.finished_at,
    error: r.error,
  }

/** The latest rebuild with its progress, or null. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CustomerInsightModuleService = req.scope.resolve(CUSTOMER_INSIGHT_MODULE)
  const [latest] = await service.listInsightRebuilds({}, { order: { started_at: "DESC" }, take: 1 })
  res.json({ rebuild: format(latest) ?? null })
}

/** Starts a rebuild of every customer's metrics in the background: 202, then poll GET. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const started = await answerRefusals(res, () => startRebuildRecord(req.scope))
  if (!started.ok) {
    return
  }
  const record = started.value
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  runRebuild(req.scope, record.id).catch((e) =>
    logger.error(`medusa-crm: customer metrics rebuild failed: ${(e as Error).message}`)
  )
  res.status(202).json({ rebuild: format(record) })
}
