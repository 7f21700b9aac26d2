import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../../modules/customer-insight"
import { countCustomersToRebuild } from "../../lib/queries/customer-metrics"
import { crmError } from "../../lib/errors"
import { InsightErrorCodes } from "../../types/http/insights"

/** A run that has not moved for this long is taken as dead (its instance stopped). */
const STALE_MS = 30 * 60_000

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<CustomerInsightModuleService>(CUSTOMER_INSIGHT_MODULE)

export const startInsightRebuildStepId = "start-insight-rebuild"

/**
 * Opens a rebuild record with the number of customers to go through: 409 while another run is
 * moving; a run that stalled is marked failed first. Compensation deletes the new record and puts
 * the stalled one back as it was.
 */
export const startInsightRebuildStep = createStep(
  startInsightRebuildStepId,
  async (_: void, { container }) => {
    const s = service(container)
    const [running] = await s.listInsightRebuilds({ status: "running" }, { order: { started_at: "DESC" }, take: 1 })
    if (running && Date.now() - new Date(running.updated_at).getTime() < STALE_MS) {
      throw crmError(MedusaError.Types.CONFLICT, InsightErrorCodes.REBUILD_RUNNING, "A rebuild of the customer metrics is already running")
    }
    if (running) {
      await s.updateInsightRebuilds({ id: running.id, status: "failed", error: "Stopped without finishing", finished_at: new Date() })
    }
    const total = await countCustomersToRebuild(container)
    const created = await s.createInsightRebuilds({ status: "running", processed: 0, total, started_at: new Date() })
    return new StepResponse(created, { created: created.id, stalled: running?.id ?? null })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await service(container).deleteInsightRebuilds(undo.created)
    if (undo.stalled) {
      await service(container).updateInsightRebuilds({ id: undo.stalled, status: "running", error: null, finished_at: null })
    }
  }
)

export type InsightRebuildUpdate = {
  id: string
  processed?: number
  total?: number
  status?: "running" | "done" | "failed"
  error?: string | null
  finished_at?: Date | null
}

export const updateInsightRebuildStepId = "update-insight-rebuild"

/** Records a rebuild's progress or outcome. Compensation restores the previous values. */
export const updateInsightRebuildStep = createStep(
  updateInsightRebuildStepId,
  async (update: InsightRebuildUpdate, { container }) => {
    const [before] = await service(container).listInsightRebuilds(
      { id: update.id },
      { select: ["id", "processed", "total", "status", "error", "finished_at"] }
    )
    const updated = await service(container).updateInsightRebuilds(update)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (before) {
      await service(container).updateInsightRebuilds(before)
    }
  }
)
