import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSegmentResponse } from "../../../../../../types/http/customer-list"
import { requestSegmentSyncWorkflow } from "../../../../../../workflows/segments/request-segment-sync"
import { refetchSegment } from "../../helpers"

/**
 * Asks for a sync of the segment now: 202 with the segment; the worker runs the sync (its record
 * appears in `GET /admin/crm/segments/:id/syncs`). A segment that syncs into no group is a 400.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSegmentResponse>) => {
  await requestSegmentSyncWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.status(202).json({ segment: await refetchSegment(req.scope, req.params.id) })
}
