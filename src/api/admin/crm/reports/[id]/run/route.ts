import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sharedConnection } from "../../../../../../lib/customer-data"
import { selectRows } from "../../../../../../lib/queries/sql"
import { runView } from "../../../../../../lib/reports/reports"
import type { AdminReportRunResponse } from "../../../../../../types/http/customer-list"
import { queueReportRunWorkflow } from "../../../../../../workflows/reports/reports"
import { answerRefusals } from "../../../../../utils/conflict"

/**
 * Runs the report now: queues a run (202 with it) that the worker carries out. 409
 * `report_run_in_progress` while one is queued or running; 404 `report_not_found`.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReportRunResponse>) => {
  const queued = await answerRefusals(res, () => queueReportRunWorkflow(req.scope).run({ input: { report_id: req.params.id } }))
  if (!queued.ok) {
    return
  }
  const [run] = await selectRows(sharedConnection(req.scope), `SELECT * FROM crm_report_run WHERE id = :id`, {
    id: queued.value.result.id,
  })
  res.status(202).json({ run: runView(run) })
}
