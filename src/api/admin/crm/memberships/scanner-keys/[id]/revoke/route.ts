import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipScannerKeyResponse } from "../../../../../../../types/http/memberships"
import { revokeScannerKeyWorkflow } from "../../../../../../../workflows/membership-scanner-keys"
import { refetchScannerKey } from "../../helpers"
import type { AdminRevokeScannerKeyType } from "../../validators"

/** Revokes a scanner key: from now on it gets 401 at the card check. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRevokeScannerKeyType>,
  res: MedusaResponse<MembershipScannerKeyResponse>
) => {
  await revokeScannerKeyWorkflow(req.scope).run({
    input: { id: req.params.id, revoked_by: req.auth_context.actor_id ?? null },
  })
  res.json({ scanner_key: await refetchScannerKey(req.scope, req.params.id) })
}
