import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../../../lib/errors"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../../../../modules/membership"
import { MembershipErrorCodes, type MembershipScannerKey } from "../../../../../types/http/memberships"

/** What a list or a response shows of a scanner key: never the key or its hash. */
export const SCANNER_KEY_FIELDS = ["id", "name", "redacted", "created_by", "created_at", "last_used_at", "revoked_at", "revoked_by"]

const isoOrNull = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null)

type ScannerKeyRecord = {
  id: string
  name: string
  redacted: string
  created_by?: string | null
  created_at: Date | string
  last_used_at?: Date | string | null
  revoked_at?: Date | string | null
  revoked_by?: string | null
}

/** A scanner key as the routes answer it. */
export const toScannerKey = (key: ScannerKeyRecord): MembershipScannerKey => ({
  id: key.id,
  name: key.name,
  redacted: key.redacted,
  created_by: key.created_by ?? null,
  created_at: new Date(key.created_at).toISOString(),
  last_used_at: isoOrNull(key.last_used_at),
  revoked_at: isoOrNull(key.revoked_at),
  revoked_by: key.revoked_by ?? null,
})

export async function refetchScannerKey(scope: MedusaContainer, id: string): Promise<MembershipScannerKey> {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  const [key] = await service.listMembershipScannerKeys({ id }, { select: SCANNER_KEY_FIELDS })
  if (!key) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      MembershipErrorCodes.SCANNER_KEY_NOT_FOUND,
      `Scanner key with id: ${id} was not found`
    )
  }
  return toScannerKey(key)
}
