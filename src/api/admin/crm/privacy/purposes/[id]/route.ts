import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadConsentPurpose } from "../../../../../../lib/consents"
import type { AdminConsentPurposeResponse, UpdateConsentPurposePayload } from "../../../../../../types/http/privacy"
import { updateConsentPurposeWorkflow } from "../../../../../../workflows/privacy"
import { actorUserId } from "../../../../../utils/customers"

/** A purpose with every version of its text, newest first. 404 `purpose_not_found`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminConsentPurposeResponse>) => {
  res.json(await loadConsentPurpose(req.scope, req.params.id))
}

/**
 * Changes a purpose: a new `text` adds a version (grants keep theirs); `archived: true` archives
 * it (no longer offered; its log stays), `false` brings it back. 404 `purpose_not_found`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateConsentPurposePayload>,
  res: MedusaResponse<AdminConsentPurposeResponse>
) => {
  await updateConsentPurposeWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, updated_by: actorUserId(req.auth_context) },
  })
  res.json(await loadConsentPurpose(req.scope, req.params.id))
}
