import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestRebuild } from "../../../../../lib/insights-rebuild"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../../../../../modules/customer-insight"
import type {
  InsightsRebuild,
  InsightsRebuildResponse,
  StartInsightsRebuildResponse,
} from "../../../../../types/http/insights"
import { answerRefusals } from "../../../../utils/conflict"

type RebuildRecord = {
  id: string
  status: InsightsRebuild["status"]
  processed: number
  total: number
  started_at: Date | string
  finished_at: Date | string | null
  error: string | null
}

const iso = (date: Date | string) => new Date(date).toISOString()

const format = (r: RebuildRecord): InsightsRebuild => ({
  id: r.id,
  status: r.status,
  processed: r.processed,
  total: r.total,
  started_at: iso(r.started_at),
  finished_at: r.finished_at ? iso(r.finished_at) : null,
  error: r.error,
})

/** The latest rebuild with its progress, or null. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<InsightsRebuildResponse>) => {
  const service: CustomerInsightModuleService = req.scope.resolve(CUSTOMER_INSIGHT_MODULE)
  const [latest] = await service.listInsightRebuilds({}, { order: { started_at: "DESC" }, take: 1 })
  res.json({ rebuild: latest ? format(latest) : null })
}

/**
 * Starts a rebuild of every customer's metrics: opens its record (409 while one is running) and
 * hands it to a worker (`crm.insights_rebuild.requested`); 202, then poll GET for its progress,
 * whichever instance runs it.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StartInsightsRebuildResponse>) => {
  const started = await answerRefusals(res, () => requestRebuild(req.scope))
  if (!started.ok) {
    return
  }
  res.status(202).json({ rebuild: format(started.value) })
}
