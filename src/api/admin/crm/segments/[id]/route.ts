import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSegmentResponse } from "../../../../../types/http/customer-list"
import { deleteSegmentWorkflow } from "../../../../../workflows/segments/delete-segment"
import { updateSegmentWorkflow } from "../../../../../workflows/segments/update-segment"
import { compactFilter } from "../../../../utils/customer-list-filter"
import { answerRefusals } from "../../../../utils/conflict"
import { actorUserId } from "../../../../utils/customers"
import { refetchSegment } from "../helpers"
import type { AdminUpdateSegmentType } from "../validators"

/** A segment with its live count, group and last sync. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSegmentResponse>) => {
  res.json({ segment: await refetchSegment(req.scope, req.params.id) })
}

/** Changes a segment's name, description, filter, group or how it treats manual members. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>,
  res: MedusaResponse<AdminSegmentResponse>
) => {
  const body = req.validatedBody
  const run = await answerRefusals(res, () =>
    updateSegmentWorkflow(req.scope).run({
      input: {
        ...body,
        id: req.params.id,
        filter: body.filter ? compactFilter(body.filter) : undefined,
        created_by: actorUserId(req.auth_context),
      },
    })
  )
  if (!run.ok) {
    return
  }
  res.json({ segment: await refetchSegment(req.scope, req.params.id) })
}

/** Deletes a segment; its customer group and the group's members stay. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteSegmentWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "customer_segment", deleted: true })
}
