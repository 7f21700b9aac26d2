import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatConsentPurpose, loadConsentPurpose } from "../../../../../lib/consents"
import { PRIVACY_MODULE } from "../../../../../modules/privacy"
import type PrivacyModuleService from "../../../../../modules/privacy/service"
import type {
  AdminConsentPurposeResponse,
  AdminConsentPurposesResponse,
  CreateConsentPurposePayload,
} from "../../../../../types/http/privacy"
import { createConsentPurposeWorkflow } from "../../../../../workflows/privacy"
import { answerRefusals } from "../../../../utils/conflict"
import { actorUserId } from "../../../../utils/customers"
import type { AdminConsentPurposesParamsType } from "./validators"

/**
 * The consent purposes with the text of their current version, by rank (`order`), a page at a
 * time. `archived=true` only archived ones, `archived=false` only live ones; `q` searches handle
 * and name.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminConsentPurposesParamsType>,
  res: MedusaResponse<AdminConsentPurposesResponse>
) => {
  const { limit, offset, order, archived, q } = req.validatedQuery as AdminConsentPurposesParamsType
  const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
  const { purposes, count } = await privacy.listConsentPurposesWithText({
    archived: archived === undefined ? undefined : archived === "true",
    q: q || undefined,
    order: order as string | undefined,
    limit,
    offset,
  })
  res.json({ purposes: purposes.map(formatConsentPurpose), count, offset, limit })
}

/** Creates a purpose with its first text (version 1). 409 `purpose_handle_taken`. */
export const POST = async (
  req: AuthenticatedMedusaRequest<CreateConsentPurposePayload>,
  res: MedusaResponse<AdminConsentPurposeResponse>
) => {
  const run = await answerRefusals(res, () =>
    createConsentPurposeWorkflow(req.scope).run({
      input: { ...req.validatedBody, created_by: actorUserId(req.auth_context) },
    })
  )
  if (!run.ok) {
    return
  }
  res.json(await loadConsentPurpose(req.scope, run.value.result.id))
}
