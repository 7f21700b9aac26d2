import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadCustomerConsent, loadCustomerConsents, resolveLivePurposes } from "../../../../../lib/consents"
import { assertCustomerExists } from "../../../../../lib/customers"
import type {
  AdminChangeConsentPayload,
  AdminCustomerConsentsResponse,
  ChangeConsentResponse,
} from "../../../../../types/http/privacy"
import { changeCustomerConsentsWorkflow } from "../../../../../workflows/privacy"
import { actorUserId } from "../../../../utils/customers"

/**
 * Every live consent purpose with the customer's current state (their newest log entry), and the
 * customer's consent log, newest first (at most 500 entries). 404 unknown customer.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerConsentsResponse>) => {
  await assertCustomerExists(req.scope, req.params.id)
  const { consents, history } = await loadCustomerConsents(req.scope, req.params.id, { history: true })
  res.json({ consents, history: history ?? [] })
}

/**
 * Grants or withdraws one purpose for the customer, with the reason (required): recorded with
 * source `admin` and the admin user, a system note on the timeline. Asking for the state the
 * customer is already in writes nothing. 404 unknown customer, 400 `purpose_not_found` for an
 * unknown or archived purpose.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminChangeConsentPayload>,
  res: MedusaResponse<ChangeConsentResponse>
) => {
  const customerId = req.params.id
  const { purpose_id, granted, reason } = req.validatedBody
  await assertCustomerExists(req.scope, customerId)
  await resolveLivePurposes(req.scope, { ids: [purpose_id] })
  const actor = actorUserId(req.auth_context)
  await changeCustomerConsentsWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      changes: [{ purpose_id, granted }],
      source: "admin",
      actor_id: actor,
      author_id: actor,
      reason,
    },
  })
  res.json({ consent: await loadCustomerConsent(req.scope, customerId, purpose_id) })
}
