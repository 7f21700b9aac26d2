import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadCustomerConsents, resolveLivePurposes } from "../../../../../lib/consents"
import type { StoreChangeConsentsPayload, StoreCustomerConsentsResponse } from "../../../../../types/http/privacy"
import { changeCustomerConsentsWorkflow } from "../../../../../workflows/privacy"

/** Every live consent purpose (handle, name, text and its version) with the logged-in customer's state. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCustomerConsentsResponse>) => {
  const { consents } = await loadCustomerConsents(req.scope, req.auth_context.actor_id)
  res.json({ consents })
}

/**
 * Grants or withdraws consents of the logged-in customer, by purpose handle, with the version of
 * the text shown (default: the current one). Recorded with source `storefront`. A change to the
 * state the customer is already in writes nothing. 400 `purpose_not_found` for an unknown or
 * archived handle (nothing is written). Answers every purpose with the customer's state.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreChangeConsentsPayload>,
  res: MedusaResponse<StoreCustomerConsentsResponse>
) => {
  const customerId = req.auth_context.actor_id
  const wanted = req.validatedBody.consents
  const purposes = await resolveLivePurposes(req.scope, { handles: wanted.map((c) => c.purpose) })
  const byHandle = new Map(purposes.map((p) => [p.handle, p]))
  await changeCustomerConsentsWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      changes: wanted.map((c) => ({ purpose_id: byHandle.get(c.purpose)!.id, granted: c.granted, text_version: c.version ?? null })),
      source: "storefront",
      actor_id: customerId,
    },
  })
  const { consents } = await loadCustomerConsents(req.scope, customerId)
  res.json({ consents })
}
