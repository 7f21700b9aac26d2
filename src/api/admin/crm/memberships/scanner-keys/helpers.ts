import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../../../../modules/membership"

/** What a list or a response shows of a scanner key: never the key or its hash. */
export const SCANNER_KEY_FIELDS = ["id", "name", "redacted", "created_by", "created_at", "last_used_at", "revoked_at", "revoked_by"]

export async function refetchScannerKey(scope: MedusaContainer, id: string) {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const [key] = await service.listMembershipScannerKeys({ id }, { select: SCANNER_KEY_FIELDS })
  if (!key) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Scanner key with id: ${id} was not found`)
  }
  return key
}
