import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hashScannerKey, newScannerKey, redactScannerKey } from "../../../../../lib/membership"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../../../../modules/membership"
import type {
  CreatedMembershipScannerKeyResponse,
  MembershipScannerKeyListResponse,
} from "../../../../../types/http/memberships"
import { createScannerKeyWorkflow } from "../../../../../workflows/membership-scanner-keys"
import { refetchScannerKey, SCANNER_KEY_FIELDS, toScannerKey } from "./helpers"
import type { AdminCreateScannerKeyType, AdminListScannerKeysType } from "./validators"

/** The door scanner keys, newest first, revoked ones included (with `revoked_at`). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListScannerKeysType>,
  res: MedusaResponse<MembershipScannerKeyListResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const service: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const [keys, count] = await service.listAndCountMembershipScannerKeys(
    {},
    { select: SCANNER_KEY_FIELDS, skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ scanner_keys: keys.map(toScannerKey), count, offset, limit })
}

/**
 * Creates a scanner key. The response carries the key in `key`, this once: only its hash is
 * stored, so it cannot be shown again.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateScannerKeyType>,
  res: MedusaResponse<CreatedMembershipScannerKeyResponse>
) => {
  const key = newScannerKey()
  const { result } = await createScannerKeyWorkflow(req.scope).run({
    input: {
      name: req.validatedBody.name,
      token_hash: hashScannerKey(key),
      redacted: redactScannerKey(key),
      created_by: req.auth_context.actor_id ?? null,
    },
  })
  res.status(201).json({ scanner_key: { ...(await refetchScannerKey(req.scope, result.id)), key } })
}
