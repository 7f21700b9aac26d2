import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"
import { crmError } from "../../lib/errors"
import { MembershipErrorCodes as Codes } from "../../types/http/memberships"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

/** A scanner key to store: its name, the hash of the key and its redacted form (never the key). */
export type NewScannerKey = { name: string; token_hash: string; redacted: string; created_by: string | null }

export const createScannerKeyStepId = "create-scanner-key"

/** Stores a scanner key. Compensation deletes it. */
export const createScannerKeyStep = createStep(
  createScannerKeyStepId,
  async (input: NewScannerKey, { container }) => {
    const created = await service(container).createMembershipScannerKeys(input)
    return new StepResponse({ id: created.id }, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteMembershipScannerKeys([id])
    }
  }
)

export const revokeScannerKeyStepId = "revoke-scanner-key"

/**
 * Revokes a scanner key: from then on it gets 401 at the card check. 404 for an unknown key, 400
 * for one revoked already. Compensation makes it usable again.
 */
export const revokeScannerKeyStep = createStep(
  revokeScannerKeyStepId,
  async (input: { id: string; revoked_by: string | null }, { container }) => {
    const [key] = await service(container).listMembershipScannerKeys({ id: input.id }, { select: ["id", "revoked_at"] })
    if (!key) {
      throw crmError(MedusaError.Types.NOT_FOUND, Codes.SCANNER_KEY_NOT_FOUND, `Scanner key with id: ${input.id} was not found`)
    }
    if (key.revoked_at) {
      throw crmError(MedusaError.Types.NOT_ALLOWED, Codes.SCANNER_KEY_REVOKED, "The scanner key is already revoked")
    }
    await service(container).updateMembershipScannerKeys({ id: input.id, revoked_at: new Date(), revoked_by: input.revoked_by })
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).updateMembershipScannerKeys({ id, revoked_at: null, revoked_by: null })
    }
  }
)
